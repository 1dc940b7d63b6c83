using System.Collections.Concurrent;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Completion.Stores.Internal.FirestoreTallyDocument;
using Wide = Pax.Orchestration.Completion.Stores.Internal.FirestoreWideTally;

namespace Pax.Orchestration.Completion.Stores;

/// <content>
/// The wide layout (<see cref="FirestoreWideTally"/>) for phases wider than <see cref="CompletionLimits.MaxNarrowFanIn"/>.
/// A new report is one commit of two writes — its record, created under <c>exists=false</c> (a duplicate delivery is the
/// commit's 409 ALREADY_EXISTS, or known without a call when this process wrote or read that success), and its shard's increments — then one sum query over the shards (one read per 1,000
/// shards), shared by the reports of the tally that this process records at the same time (<see cref="CoalescedReads{T}"/>). The tally document is read only when the counts could complete the phase or show a failure (or this process
/// has not seen it yet: the first report creates it); the claim is a separate commit on it, guarded by its update time.
/// </content>
public sealed partial class FirestoreCompletionStore
{
    private const int MaxKnownWideTallies = 10_000;
    private const int MaxKnownSuccesses = 50_000;
    private static readonly string[] SummedFields = [Wide.Succeeded, Wide.Failed];

    /// <summary>Wide tallies this process knows exist, with when they were created.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _knownWide = new(StringComparer.Ordinal);

    /// <summary>
    /// Successes this process wrote or read, by record name: a success is final (only a failure is ever replaced), so a
    /// redelivery of one is a duplicate without a refused commit and a read. Bounded; emptied when full.
    /// </summary>
    private readonly ConcurrentDictionary<string, ProcessorCompletion> _knownSuccesses = new(StringComparer.Ordinal);

    /// <summary>
    /// Reports this process committed whose delivery then failed (the shard sum or the tally document could not be read):
    /// the redelivery of one is answered as recorded, not as a duplicate, so it is logged and counted once as a report.
    /// Bounded; emptied when full. A redelivery that reaches another instance is a duplicate there.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _uncounted = new(StringComparer.Ordinal);

    /// <summary>The shard sums in flight, shared by the reports of one tally that need one at the same time.</summary>
    private readonly CoalescedReads<IReadOnlyList<long>> _sums = new();

    /// <summary>
    /// The layout a run key's report is recorded in: the one its tally document was started in (<c>_layout: "wide"</c> or
    /// not), whatever the phase's width is now, so that a phase widened or narrowed past
    /// <see cref="CompletionLimits.MaxNarrowFanIn"/> finishes its open run keys; only a new run key (no document yet) takes
    /// the configured layout. Returns the phase to record wide with, else the narrow tally as just read (none when this
    /// process knew the layout without a read), which the narrow path's first attempt commits against.
    /// </summary>
    private async Task<(PhaseDefinition? Wide, (StoredTally? Tally, string? UpdateTime)? Read)> RecordsWideAsync(string head, string phase, string runKey, CancellationToken cancellationToken)
    {
        var configured = _phases.GetValueOrDefault(phase);
        if (_knownWide.ContainsKey(head))
        {
            return (configured, null);
        }

        if (_recent.Get(head) is not null)
        {
            return (null, null);
        }

        var document = await _client.GetDocumentAsync(head, cancellationToken).ConfigureAwait(false);
        var tally = Doc.Read(document, phase, runKey);
        if (document is null && _widePhases.TryGetValue(phase, out var wide))
        {
            return (wide, null);
        }

        if (Wide.IsWide(document) && configured is not null)
        {
            KnowWide(head, tally!.CreatedAt);
            return (configured, null);
        }

        if (tally is not null)
        {
            _recent.Set(head, tally, document!.UpdateTime);
        }

        return (null, (tally, document?.UpdateTime));
    }

    private static string ReportName(string head, string processor) => FirestoreClient.ChildDocumentName(head, Wide.Reports, Wide.ReportId(processor));

    private async Task<TallyWriteResult> RecordWideAsync(PhaseDefinition phase, string runKey, ProcessorCompletion completion, CancellationToken cancellationToken)
    {
        var head = Name(phase.Name, runKey);
        var (changed, stored) = await WriteReportAsync(head, phase, completion, cancellationToken).ConfigureAwait(false);
        TallyCounts counts;
        StoredTally tally;
        try
        {
            var sums = await _sums.ReadAsync(head, () => _client.SumAsync(_projectId, head, ShardsQuery(), SummedFields, CancellationToken.None), cancellationToken).ConfigureAwait(false);
            counts = new TallyCounts((int)sums[0], (int)sums[1], changed ? completion.RecordedAt : null);
            if (_knownWide.TryGetValue(head, out var createdAt) && counts.Succeeded < phase.RequiredSuccesses() && counts.Failed == 0)
            {
                // Not complete and nothing failed: nobody can have claimed it (a claim needs a complete tally), so it is open.
                tally = new StoredTally(phase.Name, runKey, TallyTriggerState.Open, new Dictionary<string, ProcessorCompletion>(), createdAt, completion.RecordedAt, null, null);
            }
            else
            {
                tally = await ReadOrCreateHeadAsync(head, phase.Name, runKey, completion.RecordedAt, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception) when (changed)
        {
            // Committed, but the delivery fails (and is redelivered): its redelivery finishes it, as recorded.
            KeepUncounted(ReportName(head, completion.Processor));
            throw;
        }

        var reports = new Dictionary<string, ProcessorCompletion>(StringComparer.Ordinal) { [stored.Processor] = stored };
        return new TallyWriteResult(changed, tally with { Completions = reports, Counts = counts });
    }

    /// <summary>Writes the report unless it is a duplicate; returns whether it was written and the report as stored.</summary>
    private async Task<(bool Changed, ProcessorCompletion Stored)> WriteReportAsync(string head, PhaseDefinition phase, ProcessorCompletion completion, CancellationToken cancellationToken)
    {
        var report = ReportName(head, completion.Processor);
        if (_knownSuccesses.TryGetValue(report, out var known))
        {
            return (_uncounted.TryRemove(report, out _), known);
        }

        var succeeded = completion.Status == CompletionStatus.Succeeded ? 1 : 0;
        var shard = TallyLayout.Shard(completion.Processor, TallyLayout.ShardCount(phase));
        var backoff = new ConflictBackoff(_conflictRetry, _time);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await TryCommitWritesAsync(
                    [Wide.ReportWrite(report, completion, shard, FirestorePrecondition.MustNotExist()), Wide.ShardWrite(ShardName(head, shard), succeeded, 1 - succeeded, completion.RecordedAt)],
                    attempt, backoff, cancellationToken).ConfigureAwait(false);
                if (created)
                {
                    return (true, Remember(report, completion));
                }

                continue;
            }
            catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.AlreadyExists)
            {
                // Recorded before (a redelivery, or another processor's copy of the name): the stored report decides.
            }

            var existing = await _client.GetDocumentAsync(report, cancellationToken).ConfigureAwait(false);
            if (existing?.Fields is null)
            {
                continue;
            }

            var current = Wide.ReadReport(existing);
            if (!completion.Supersedes(current))
            {
                return (_uncounted.TryRemove(report, out _), Remember(report, current));
            }

            // A success after a failure: the record is replaced under its update time, and its shard moves one from failed to succeeded.
            var counted = Wide.ShardOf(existing);
            var replaced = await TryCommitWritesAsync(
                [Wide.ReportWrite(report, completion, counted, FirestorePrecondition.UnchangedSince(existing.UpdateTime!)), Wide.ShardWrite(ShardName(head, counted), 1, -1, completion.RecordedAt)],
                attempt, backoff, cancellationToken).ConfigureAwait(false);
            if (replaced)
            {
                return (true, Remember(report, completion));
            }
        }
    }

    /// <summary>
    /// Commits; returns <see langword="false"/> after the backoff when the commit lost a race (409 ABORTED contention, 400
    /// FAILED_PRECONDITION: the record changed since it was read); throws 409 ALREADY_EXISTS at once (the caller reads the
    /// record), and the conflict once the attempts or the backoff's time are spent.
    /// </summary>
    private async Task<bool> TryCommitWritesAsync(List<FirestoreWrite> writes, int attempt, ConflictBackoff backoff, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CommitAsync(_projectId, writes, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GoogleApiException ex) when (ex.Status != FirestoreErrorStatus.AlreadyExists && FirestoreErrorStatus.IsConflict(ex) && attempt < MaxAttempts)
        {
            if (!await backoff.WaitAsync(attempt, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>Keeps a success in <see cref="_knownSuccesses"/> (a failure may still be replaced, so it is not kept).</summary>
    private ProcessorCompletion Remember(string report, ProcessorCompletion completion)
    {
        if (completion.Status == CompletionStatus.Succeeded)
        {
            if (_knownSuccesses.Count >= MaxKnownSuccesses)
            {
                _knownSuccesses.Clear();
            }

            _knownSuccesses[report] = completion;
        }

        return completion;
    }

    /// <summary>Reads the wide tally's document, creating it (under <c>exists=false</c>) when this is its first report.</summary>
    private async Task<StoredTally> ReadOrCreateHeadAsync(string head, string phase, string runKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = await _client.GetDocumentAsync(head, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
            {
                [Doc.Phase] = FirestoreValue.String(phase),
                [Doc.RunKey] = FirestoreValue.String(runKey),
                [Doc.State] = FirestoreValue.String("open"),
                [Doc.Triggered] = FirestoreValue.Boolean(false),
                [Doc.CreatedAt] = FirestoreValue.Timestamp(now),
                [Doc.UpdatedAt] = FirestoreValue.Timestamp(now),
                [Wide.Layout] = FirestoreValue.String(Wide.Wide),
            };
            try
            {
                await _client.CommitAsync(_projectId, [Write(head, fields, FirestorePrecondition.MustNotExist())], cancellationToken: cancellationToken).ConfigureAwait(false);
                document = new FirestoreDocument { Name = head, Fields = fields };
            }
            catch (GoogleApiException ex) when (ex.Status == FirestoreErrorStatus.AlreadyExists)
            {
                document = await _client.GetDocumentAsync(head, cancellationToken).ConfigureAwait(false);
            }
        }

        var tally = Doc.Read(document, phase, runKey)!;
        KnowWide(head, tally.CreatedAt);
        return tally;
    }

    private void KeepUncounted(string report)
    {
        if (_uncounted.Count >= MaxKnownSuccesses)
        {
            _uncounted.Clear();
        }

        _uncounted[report] = 0;
    }

    private void KnowWide(string head, DateTimeOffset createdAt)
    {
        if (_knownWide.Count >= MaxKnownWideTallies)
        {
            _knownWide.Clear();
        }

        _knownWide[head] = createdAt;
    }

    /// <summary>A wide tally as <see cref="GetAsync"/> returns it: its document and the counts of all its shards (one read per shard, at most 100).</summary>
    private async Task<StoredTally?> WithCountsAsync(StoredTally? tally, FirestoreDocument? document, CancellationToken cancellationToken)
    {
        if (tally is null || !Wide.IsWide(document))
        {
            return tally;
        }

        var shards = await _client.RunQueryAsync(_projectId, document!.Name, ShardsQuery(), cancellationToken).ConfigureAwait(false);
        return tally with { Counts = Wide.ReadCounts(shards) };
    }

    private static FirestoreStructuredQuery ShardsQuery() => new() { From = [new FirestoreCollectionSelector { CollectionId = Wide.Shards }] };

    private static string ShardName(string head, int shard) => FirestoreClient.ChildDocumentName(head, Wide.Shards, shard.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
