using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Completion.Stores.Internal.FirestoreTallyDocument;
using RejectedFields = Pax.Orchestration.Completion.Stores.Internal.FirestoreRejectedDocument;

namespace Pax.Orchestration.Completion.Stores;

/// <summary>
/// Tallies in Firestore, one document per phase and run key: <c>{phase}_completion/{runKey}</c> (such as
/// <c>phase2_completion/2026-02-10</c>) with a map field per processor and <c>_triggered</c>, <c>_state</c>,
/// <c>_claimedUntil</c> and timestamps. Every change is a read then a commit guarded by a precondition
/// (<c>exists=false</c> for the first report, <c>updateTime</c> afterwards); a lost race (409 <c>ALREADY_EXISTS</c>,
/// 400 <c>FAILED_PRECONDITION</c>, 409 <c>ABORTED</c>) re-reads and tries again, so a report is written once and one
/// claimer wins; those retries back off (<see cref="FirestoreStoreOptions.ConflictRetry"/>: exponential with jitter,
/// bounded in total time). A missing database fails at once (<see cref="FirestoreDatabaseNotFoundException"/>). A report for a tally this process just read or wrote skips the read: its commit is guarded by the
/// remembered update time. Rejected deliveries go to <see cref="FirestoreStoreOptions.RejectedCollection"/>.
/// </summary>
public sealed partial class FirestoreCompletionStore : ICompletionStore, ICompletionStoreQueries, IWideTallyStore
{
    private const int MaxAttempts = 25;
    private const int BatchGetSize = 100;
    private const string DocumentNameField = "__name__";
    private const string PhasesCollection = "pax_phases";
    private const string FirstDeployedAt = "firstDeployedAt";
    private readonly FirestoreClient _client;
    private readonly string _projectId;
    private readonly string _rejectedCollection;
    private readonly RecentTallies _recent = new();
    private readonly FirestoreConflictRetryOptions _conflictRetry;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, PhaseDefinition> _widePhases;
    private readonly Dictionary<string, PhaseDefinition> _phases;

    /// <summary>Initializes a store in <see cref="FirestoreStoreOptions.ProjectId"/>'s <c>(default)</c> database.</summary>
    /// <param name="client">The Firestore client from DI.</param>
    /// <param name="options">The orchestration options.</param>
    /// <param name="timeProvider">The clock of the conflict backoff; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="InvalidOperationException">No project id is configured.</exception>
    internal FirestoreCompletionStore(FirestoreClient client, IOptions<OrchestrationOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _projectId = options.Value.Firestore.ProjectId is { Length: > 0 } project
            ? project
            : throw new InvalidOperationException($"{OrchestrationOptions.SectionName}:Firestore:ProjectId (or GOOGLE_CLOUD_PROJECT) is required for the Firestore store.");
        _rejectedCollection = options.Value.Firestore.RejectedCollection;
        _conflictRetry = options.Value.Firestore.ConflictRetry;
        _time = timeProvider ?? TimeProvider.System;
        _widePhases = TallyLayout.WidePhases(options.Value.Phases);
        _phases = options.Value.Phases.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Gets the project whose database holds the tallies.</summary>
    internal string ProjectId => _projectId;

    /// <inheritdoc />
    /// <remarks>
    /// When this process last read or wrote the tally, the commit goes out without a read, guarded by the cached
    /// update time: one round trip instead of two while this instance sees the run key's reports. A report the
    /// cache calls a duplicate is confirmed with a read, so duplicates answer with the stored tally as before.
    /// </remarks>
    public async Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var name = Name(phase, runKey);
        var (wide, read) = await RecordsWideAsync(name, phase, runKey, cancellationToken).ConfigureAwait(false);
        if (wide is not null)
        {
            // The claim is a commit of its own on a wide tally (the engine claims after it): its reports are not in the tally's document.
            return await RecordWideAsync(wide, runKey, completion, cancellationToken).ConfigureAwait(false);
        }

        var backoff = new ConflictBackoff(_conflictRetry, _time);
        for (var attempt = 1; ; attempt++)
        {
            var cached = attempt == 1 && read is null ? _recent.Get(name) : null;
            var (tally, updateTime) = cached ?? (attempt == 1 && read is { } fresh ? fresh : await ReadAsync(name, phase, runKey, cancellationToken).ConfigureAwait(false));
            var current = tally?.Completions.GetValueOrDefault(completion.Processor);
            if (!completion.Supersedes(current))
            {
                if (cached is not null)
                {
                    continue;
                }

                return new TallyWriteResult(false, tally!);
            }

            if (current is null && tally is not null && tally.Completions.Count >= CompletionLimits.MaxProcessorsPerTally)
            {
                // Keeps the document under Firestore's 1 MiB limit (see CompletionLimits); a cached view is confirmed first.
                if (cached is not null)
                {
                    continue;
                }

                return new TallyWriteResult(false, tally, Full: true);
            }

            var completions = new Dictionary<string, ProcessorCompletion>(tally?.Completions ?? new Dictionary<string, ProcessorCompletion>(), StringComparer.Ordinal)
            {
                [completion.Processor] = completion,
            };
            var updated = tally is null
                ? new StoredTally(phase, runKey, TallyTriggerState.Open, completions, completion.RecordedAt, completion.RecordedAt, null, null)
                : tally with { Completions = completions, UpdatedAt = completion.RecordedAt };
            var claims = claim is not null && updated.State == TallyTriggerState.Open && claim.IsComplete(updated);
            var fields = RecordFields(phase, runKey, completion, isNew: updateTime is null);
            if (claims)
            {
                Doc.Claim(fields, tally, completion.RecordedAt, claim!.LeaseUntil);
                updated = updated with { State = TallyTriggerState.Claimed, ClaimedUntil = claim.LeaseUntil, ClaimedAt = completion.RecordedAt, Claims = updated.Claims + 1 };
            }

            var precondition = updateTime is not null ? FirestorePrecondition.UnchangedSince(updateTime) : FirestorePrecondition.MustNotExist();
            var committed = await TryCommitAsync(name, fields, precondition, attempt, backoff, cancellationToken).ConfigureAwait(false);
            if (committed is not null)
            {
                _recent.Set(name, updated, committed.WriteResults?.FirstOrDefault()?.UpdateTime);
                return new TallyWriteResult(true, updated, claims);
            }

            _recent.Remove(name);
        }
    }

    /// <inheritdoc />
    public async Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken)
    {
        var document = await _client.GetDocumentAsync(Name(phase, runKey), cancellationToken).ConfigureAwait(false);
        return await WithCountsAsync(Doc.Read(document, phase, runKey), document, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Document <c>pax_phases/{phase}</c> (field <c>firstDeployedAt</c>), created once (<c>exists=false</c>); a later call reads it.</remarks>
    public async Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = FirestoreClient.DocumentName(_projectId, PhasesCollection, phase);
        var stored = (await _client.GetDocumentAsync(name, cancellationToken).ConfigureAwait(false))?.Fields?.GetValueOrDefault(FirstDeployedAt)?.AsTimestamp();
        if (stored is { } known)
        {
            return known;
        }

        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal) { [FirstDeployedAt] = FirestoreValue.Timestamp(now) };
        try
        {
            await _client.CommitAsync(_projectId, [Write(name, fields, FirestorePrecondition.MustNotExist())], cancellationToken: cancellationToken).ConfigureAwait(false);
            return fields[FirstDeployedAt].AsTimestamp()!.Value;
        }
        catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.AlreadyExists)
        {
            // Another instance recorded it first: theirs stands.
            var document = await _client.GetDocumentAsync(name, cancellationToken).ConfigureAwait(false);
            return document?.Fields?.GetValueOrDefault(FirstDeployedAt)?.AsTimestamp() ?? now;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken)
    {
        var query = FirestoreStructuredQuery.WhereEqual(Doc.Collection(phase), Doc.Triggered, FirestoreValue.Boolean(false), limit);
        var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
        return await ReadTalliesAsync(documents, phase, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runKeys);
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in runKeys.Chunk(BatchGetSize))
        {
            var results = await _client.BatchGetDocumentsAsync(_projectId, chunk.Select(k => Name(phase, k)), cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var name in results.Select(r => r.Found?.Name).OfType<string>())
            {
                recorded.Add(name[(name.LastIndexOf('/') + 1)..]);
            }
        }

        return recorded;
    }

    /// <inheritdoc />
    public async Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var name = FirestoreClient.DocumentName(_projectId, _rejectedCollection, Guid.NewGuid().ToString("N"));
        await _client.CommitAsync(_projectId, [Write(name, RejectedFields.Write(rejected), null)], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the tallies a query returned; a wide one with its counts (a query of its shards each).</summary>
    private async Task<IReadOnlyList<StoredTally>> ReadTalliesAsync(IReadOnlyList<FirestoreDocument> documents, string phase, CancellationToken cancellationToken)
    {
        var tallies = new List<StoredTally>(documents.Count);
        foreach (var document in documents)
        {
            if (await WithCountsAsync(Doc.Read(document, phase, document.Name![(document.Name!.LastIndexOf('/') + 1)..]), document, cancellationToken).ConfigureAwait(false) is { } tally)
            {
                tallies.Add(tally);
            }
        }

        return tallies;
    }

    private static Dictionary<string, FirestoreValue> RecordFields(string phase, string runKey, ProcessorCompletion completion, bool isNew)
    {
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            [completion.Processor] = Doc.Completion(completion),
            [Doc.UpdatedAt] = FirestoreValue.Timestamp(completion.RecordedAt),
        };
        if (isNew)
        {
            fields[Doc.Phase] = FirestoreValue.String(phase);
            fields[Doc.RunKey] = FirestoreValue.String(runKey);
            fields[Doc.State] = FirestoreValue.String("open");
            fields[Doc.Triggered] = FirestoreValue.Boolean(false);
            fields[Doc.CreatedAt] = FirestoreValue.Timestamp(completion.RecordedAt);
        }

        return fields;
    }

    private string Name(string phase, string runKey) => FirestoreClient.DocumentName(_projectId, Doc.Collection(phase), runKey);

    private static FirestoreWrite Write(string name, Dictionary<string, FirestoreValue> fields, FirestorePrecondition? precondition) => new()
    {
        Update = new FirestoreDocument { Name = name, Fields = fields },
        UpdateMask = new FirestoreDocumentMask { FieldPaths = fields.Keys.Select(FirestoreFieldPath.Quote).ToList() },
        CurrentDocument = precondition,
    };

    /// <summary>
    /// Commits; returns <see langword="null"/> after the backoff when the precondition did not hold or contention aborted
    /// the commit (read again and retry); throws the conflict once the attempts or the time bound are spent.
    /// </summary>
    private async Task<FirestoreCommitResult?> TryCommitAsync(
        string name, Dictionary<string, FirestoreValue> fields, FirestorePrecondition precondition, int attempt, ConflictBackoff backoff, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CommitAsync(_projectId, [Write(name, fields, precondition)], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (FirestoreErrorStatus.IsConflict(ex) && attempt < MaxAttempts)
        {
            // Another delivery changed the document between our read (or cached copy) and our commit: back off, read again.
            if (!await backoff.WaitAsync(attempt, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            return null;
        }
    }

    private async Task<(StoredTally? Tally, string? UpdateTime)> ReadAsync(string name, string phase, string runKey, CancellationToken cancellationToken)
    {
        var document = await _client.GetDocumentAsync(name, cancellationToken).ConfigureAwait(false);
        var tally = Doc.Read(document, phase, runKey);
        if (tally is not null)
        {
            _recent.Set(name, tally, document!.UpdateTime);
        }

        return (tally, document?.UpdateTime);
    }
}
