using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Stores.Internal;
using Doc = Pax.Orchestration.Completion.Stores.Internal.FirestoreTallyDocument;

namespace Pax.Orchestration.Completion.Stores;

/// <content>The outbox steps after a report: claim the trigger, keep a failed attempt, mark it triggered.</content>
public sealed partial class FirestoreCompletionStore
{
    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var name = Name(phase, runKey);
        var backoff = new ConflictBackoff(_conflictRetry, _time);
        for (var attempt = 1; ; attempt++)
        {
            var document = await _client.GetDocumentAsync(name, cancellationToken).ConfigureAwait(false);
            var tally = Doc.Read(document, phase, runKey);
            if (tally is null || tally.State == TallyTriggerState.Triggered || (tally.State == TallyTriggerState.Claimed && tally.ClaimedUntil is { } until && until > now))
            {
                return false;
            }

            var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
            {
                [Doc.UpdatedAt] = FirestoreValue.Timestamp(now),
            };
            Doc.Claim(fields, tally, now, leaseUntil);
            var committed = await TryCommitAsync(name, fields, FirestorePrecondition.UnchangedSince(document!.UpdateTime!), attempt, backoff, cancellationToken).ConfigureAwait(false);
            _recent.Remove(name);
            if (committed is not null)
            {
                return true;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>A read, then a commit guarded by the read's update time (a lost race reads again, as claims do).</remarks>
    public async Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = Name(phase, runKey);
        var backoff = new ConflictBackoff(_conflictRetry, _time);
        for (var attempt = 1; ; attempt++)
        {
            var document = await _client.GetDocumentAsync(name, cancellationToken).ConfigureAwait(false);
            var tally = Doc.Read(document, phase, runKey);
            if (tally is null || tally.State == TallyTriggerState.Triggered)
            {
                return null;
            }

            var attempts = (tally.LastTriggerError?.Attempts ?? 0) + 1;
            var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
            {
                [Doc.TriggerError] = FirestoreValue.String(message),
                [Doc.TriggerErrorAt] = FirestoreValue.Timestamp(at),
                [Doc.TriggerFailures] = FirestoreValue.Integer(attempts),
            };
            var committed = await TryCommitAsync(name, fields, FirestorePrecondition.UnchangedSince(document!.UpdateTime!), attempt, backoff, cancellationToken).ConfigureAwait(false);
            _recent.Remove(name);
            if (committed is not null)
            {
                // As a read gives it back: Firestore keeps microseconds.
                return new TriggerError(fields[Doc.TriggerErrorAt].AsTimestamp()!.Value, message, attempts);
            }
        }
    }

    /// <inheritdoc />
    public async Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            [Doc.State] = FirestoreValue.String("triggered"),
            [Doc.Triggered] = FirestoreValue.Boolean(true),
            [Doc.TriggeredAt] = FirestoreValue.Timestamp(now),
            [Doc.ClaimedUntil] = FirestoreValue.Null(),
            [Doc.UpdatedAt] = FirestoreValue.Timestamp(now),
            [Doc.TriggerError] = FirestoreValue.Null(),
            [Doc.TriggerErrorAt] = FirestoreValue.Null(),
            [Doc.TriggerFailures] = FirestoreValue.Integer(0),
            [Doc.TriggerTraceParent] = traceParent is null ? FirestoreValue.Null() : FirestoreValue.String(traceParent),
        };
        var name = Name(phase, runKey);
        _recent.Remove(name);
        await _client.CommitAsync(_projectId, [Write(name, fields, new FirestorePrecondition { Exists = true })], cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
