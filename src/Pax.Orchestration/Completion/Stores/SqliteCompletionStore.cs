using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Stores.Internal;

namespace Pax.Orchestration.Completion.Stores;

/// <summary>
/// Tallies in a SQLite file (the embedded default): tables <c>pax_tallies</c> (one row per phase and run key, with its
/// claim and last trigger error), <c>pax_completions</c> (one row per processor), <c>pax_rejected</c> and
/// <c>pax_phases</c> (each phase's first deployment). Every call is one <c>BEGIN IMMEDIATE</c> transaction, so records
/// and claims are atomic across threads and processes sharing the file. Files written by an older Pax gain the new
/// columns and tables at first use, and their tallies' counts (kept by narrow and wide reports alike, so a tally reads
/// right when its phase is moved across <see cref="CompletionLimits.MaxNarrowFanIn"/>).
/// </summary>
public sealed partial class SqliteCompletionStore : ICompletionStore, ICompletionStoreQueries, IDisposable, IWideTallyStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, PhaseDefinition> _widePhases;
    private volatile bool _created;

    /// <summary>Initializes a store on <see cref="SqliteStoreOptions.Path"/>.</summary>
    /// <param name="options">The orchestration options.</param>
    public SqliteCompletionStore(IOptions<OrchestrationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = SqliteDatabasePath.Prepare(options.Value.Sqlite.Path, OrchestrationOptions.SectionName + ":Sqlite:Path");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _widePhases = TallyLayout.WidePhases(options.Value.Phases);
    }

    /// <inheritdoc />
    public Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken) =>
        _widePhases.ContainsKey(phase) ? RecordWideAsync(phase, runKey, completion, claim, cancellationToken) :
        InTransactionAsync(async (connection, transaction) =>
        {
            ArgumentNullException.ThrowIfNull(completion);
            var tally = await SqliteTallyRows.ReadAsync(connection, transaction, phase, runKey, cancellationToken).ConfigureAwait(false);
            var current = tally is not null && tally.Completions.TryGetValue(completion.Processor, out var found) ? found : null;
            if (!completion.Supersedes(current))
            {
                return new TallyWriteResult(false, tally!);
            }

            if (current is null && tally is not null && tally.Completions.Count >= CompletionLimits.MaxProcessorsPerTally)
            {
                return new TallyWriteResult(false, tally, Full: true);
            }

            // With the counts, as a wide report keeps them: a tally reads right whichever layout the phase has now.
            await SqliteTallyRows.UpsertCompletionAsync(connection, transaction, phase, runKey, completion, current, cancellationToken).ConfigureAwait(false);
            var updated = (await SqliteTallyRows.ReadAsync(connection, transaction, phase, runKey, cancellationToken).ConfigureAwait(false))!;
            if (claim is not null && updated.State == TallyTriggerState.Open && claim.IsComplete(updated))
            {
                await SqliteTallyRows.ClaimAsync(connection, transaction, phase, runKey, completion.RecordedAt, claim.LeaseUntil, cancellationToken).ConfigureAwait(false);
                return new TallyWriteResult(true, updated with { State = TallyTriggerState.Claimed, ClaimedUntil = claim.LeaseUntil, ClaimedAt = completion.RecordedAt, Claims = updated.Claims + 1 }, Claimed: true);
            }

            return new TallyWriteResult(true, updated);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => SqliteTallyRows.ReadAsync(connection, transaction, phase, runKey, cancellationToken, IsWide(phase)), cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        InTransactionAsync(
            (connection, transaction) => SqliteTallyRows.ClaimAsync(connection, transaction, phase, runKey, now, leaseUntil, cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE pax_tallies SET state = 'triggered', triggered_at = $now, claimed_until = NULL, updated_at = $now,
                  trigger_error = NULL, trigger_error_at = NULL, trigger_failures = 0, trigger_trace_parent = $traceParent
                WHERE phase = $phase AND run_key = $runKey AND state <> 'triggered'
                """;
            command.Parameters.AddWithValue("$phase", phase);
            command.Parameters.AddWithValue("$runKey", runKey);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$traceParent", (object?)traceParent ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            ArgumentNullException.ThrowIfNull(message);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE pax_tallies SET trigger_error = $message, trigger_error_at = $at, trigger_failures = trigger_failures + 1
                WHERE phase = $phase AND run_key = $runKey AND state <> 'triggered'
                RETURNING trigger_failures
                """;
            command.Parameters.AddWithValue("$phase", phase);
            command.Parameters.AddWithValue("$runKey", runKey);
            command.Parameters.AddWithValue("$message", message);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            var attempts = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return attempts is long count ? new TriggerError(DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), message, (int)count) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO pax_phases (phase, first_deployed_at) VALUES ($phase, $now) ON CONFLICT (phase) DO NOTHING;
                SELECT first_deployed_at FROM pax_phases WHERE phase = $phase;
                """;
            command.Parameters.AddWithValue("$phase", phase);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            var keys = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT run_key FROM pax_tallies WHERE phase = $phase AND state <> 'triggered' ORDER BY created_at LIMIT $limit";
                command.Parameters.AddWithValue("$phase", phase);
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(reader.GetString(0));
                }
            }

            return await ReadTalliesAsync(connection, transaction, phase, keys, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runKeys);
        return InTransactionAsync(async (connection, transaction) =>
        {
            var recorded = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in runKeys.Chunk(500))
            {
                recorded.UnionWith(await SqliteTallyRows.SelectRunKeysAsync(connection, transaction, phase, chunk, cancellationToken).ConfigureAwait(false));
            }

            return (IReadOnlySet<string>)recorded;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            ArgumentNullException.ThrowIfNull(rejected);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO pax_rejected (message_id, reason, received_at, excerpt, phase, run_key, processor, reason_code)
                VALUES ($id, $reason, $at, $excerpt, $phase, $runKey, $processor, $reasonCode)
                """;
            command.Parameters.AddWithValue("$id", (object?)rejected.MessageId ?? DBNull.Value);
            command.Parameters.AddWithValue("$phase", (object?)rejected.Phase ?? DBNull.Value);
            command.Parameters.AddWithValue("$runKey", (object?)rejected.RunKey ?? DBNull.Value);
            command.Parameters.AddWithValue("$processor", (object?)rejected.Processor ?? DBNull.Value);
            command.Parameters.AddWithValue("$reasonCode", (object?)rejected.ReasonCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$reason", rejected.Reason);
            command.Parameters.AddWithValue("$at", rejected.ReceivedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$excerpt", (object?)rejected.Excerpt ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc />
    /// <remarks>One indexed range read (the primary key of <c>pax_completions</c>), narrow and wide phases alike.</remarks>
    public Task<IReadOnlyList<ProcessorCompletion>> ListReportsAsync(string phase, string runKey, int limit, string? afterProcessor, CancellationToken cancellationToken)
    {
        StoreQueryLimits.Check(limit);
        return InTransactionAsync((connection, transaction) => SqliteWideTallyRows.ListReportsAsync(connection, transaction, phase, runKey, limit, afterProcessor, null, cancellationToken), cancellationToken);
    }

    private bool IsWide(string phase) => _widePhases.ContainsKey(phase);

    /// <summary>
    /// A wide phase's report: the same rows as a narrow one, but only this processor's row is read before the write, the
    /// counts on the tally's row are moved with it, and the tally is read back with them, so a report costs the same at
    /// the 10,000th processor as at the first.
    /// </summary>
    private Task<TallyWriteResult> RecordWideAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            ArgumentNullException.ThrowIfNull(completion);
            var current = await SqliteWideTallyRows.ReadReportAsync(connection, transaction, phase, runKey, completion.Processor, cancellationToken).ConfigureAwait(false);
            var changed = completion.Supersedes(current);
            if (changed)
            {
                await SqliteTallyRows.UpsertCompletionAsync(connection, transaction, phase, runKey, completion, current, cancellationToken).ConfigureAwait(false);
            }

            var tally = (await SqliteTallyRows.ReadAsync(connection, transaction, phase, runKey, cancellationToken, counted: true).ConfigureAwait(false))!;
            tally = tally with { Completions = new Dictionary<string, ProcessorCompletion>(StringComparer.Ordinal) { [completion.Processor] = changed ? completion : current! } };
            if (changed && claim is not null && tally.State == TallyTriggerState.Open && claim.IsComplete(tally))
            {
                await SqliteTallyRows.ClaimAsync(connection, transaction, phase, runKey, completion.RecordedAt, claim.LeaseUntil, cancellationToken).ConfigureAwait(false);
                return new TallyWriteResult(true, tally with { State = TallyTriggerState.Claimed, ClaimedUntil = claim.LeaseUntil, ClaimedAt = completion.RecordedAt, Claims = tally.Claims + 1 }, Claimed: true);
            }

            return new TallyWriteResult(changed, tally);
        }, cancellationToken);

    private async Task<T> InTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = new SqliteConnection(_connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (!_created)
                {
                    await SqliteTallySchema.CreateAsync(connection, cancellationToken).ConfigureAwait(false);
                    _created = true;
                }

                // Deferred = false: BEGIN IMMEDIATE takes the write lock up front, so two processes cannot both read then write.
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
