namespace Pax.Orchestration.Completion.Internal;

/// <summary>Turns a stored tally into its status under a phase's rules (in one place: named set or count, threshold, failures block).</summary>
internal static class PhaseEvaluation
{
    /// <summary>The status of a run key; <paramref name="expectedAt"/> (from the phase's schedule) is where the deadline counts from while nothing was recorded.</summary>
    public static TallyProgress Evaluate(PhaseDefinition phase, StoredTally? tally, string runKey, DateTimeOffset now, DateTimeOffset? expectedAt = null)
    {
        if (tally?.Counts is { } counts)
        {
            return EvaluateCounted(phase, tally, counts, now, expectedAt);
        }

        var completions = tally?.Completions.Values.ToList() ?? [];
        var succeeded = completions.Where(c => c.Status == CompletionStatus.Succeeded).Select(c => c.Processor).Order(StringComparer.Ordinal).ToList();
        var failed = completions.Where(c => c.Status == CompletionStatus.Failed).Select(c => c.Processor).Order(StringComparer.Ordinal).ToList();
        var reported = completions.Select(c => c.Processor).ToHashSet(StringComparer.Ordinal);
        var missing = phase.Processors.Where(p => !reported.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var required = phase.RequiredSuccesses();
        var complete = succeeded.Count >= required && failed.Count == 0;
        DateTimeOffset? first = completions.Count == 0 ? null : completions.Min(c => c.RecordedAt);
        DateTimeOffset? last = completions.Count == 0 ? null : completions.Max(c => c.RecordedAt);
        var createdAt = tally?.CreatedAt ?? first ?? expectedAt;
        DateTimeOffset? deadline = phase.Deadline is { } d && createdAt is { } c0 ? c0 + d : null;
        return new TallyProgress
        {
            Phase = phase.Name,
            RunKey = runKey,
            State = tally?.State ?? TallyTriggerState.Open,
            Triggered = tally?.State == TallyTriggerState.Triggered,
            Complete = complete,
            Completed = succeeded,
            Missing = missing,
            Failed = failed,
            CompletedCount = succeeded.Count,
            FailedCount = failed.Count,
            MissingCount = Math.Max(0, required - succeeded.Count),
            RequiredSuccesses = required,
            FirstCompletionAt = first,
            LastCompletionAt = last,
            ClaimedUntil = tally?.State == TallyTriggerState.Claimed ? tally.ClaimedUntil : null,
            TriggeredAt = tally?.TriggeredAt,
            LastTriggerError = tally?.State == TallyTriggerState.Triggered ? null : tally?.LastTriggerError,
            ExpectedAt = expectedAt,
            DeadlineAt = deadline,
            Overdue = !complete && deadline is { } due && now >= due,
        };
    }

    /// <summary>A wide tally's status: from the store's counts; no names are listed (there may be 10,000).</summary>
    private static TallyProgress EvaluateCounted(PhaseDefinition phase, StoredTally tally, TallyCounts counts, DateTimeOffset now, DateTimeOffset? expectedAt)
    {
        var required = phase.RequiredSuccesses();
        var complete = counts.Succeeded >= required && counts.Failed == 0;
        var reported = counts.Succeeded + counts.Failed > 0;
        DateTimeOffset? deadline = phase.Deadline is { } d ? tally.CreatedAt + d : null;
        return new TallyProgress
        {
            Phase = phase.Name,
            RunKey = tally.RunKey,
            State = tally.State,
            Triggered = tally.State == TallyTriggerState.Triggered,
            Complete = complete,
            Completed = [],
            Missing = [],
            Failed = [],
            CompletedCount = counts.Succeeded,
            FailedCount = counts.Failed,
            MissingCount = Math.Max(0, required - counts.Succeeded),
            RequiredSuccesses = required,
            FirstCompletionAt = reported ? tally.CreatedAt : null,
            LastCompletionAt = reported ? counts.LastRecordedAt ?? tally.UpdatedAt : null,
            ClaimedUntil = tally.State == TallyTriggerState.Claimed ? tally.ClaimedUntil : null,
            TriggeredAt = tally.TriggeredAt,
            LastTriggerError = tally.State == TallyTriggerState.Triggered ? null : tally.LastTriggerError,
            ExpectedAt = expectedAt,
            DeadlineAt = deadline,
            Overdue = !complete && deadline is { } due && now >= due,
        };
    }

    /// <summary>Whether the trigger should be driven now: complete, not triggered, and not under someone else's live claim.</summary>
    public static bool ShouldDrive(TallyProgress status, StoredTally tally, DateTimeOffset now) =>
        status.Complete && tally.State switch
        {
            TallyTriggerState.Open => true,
            TallyTriggerState.Claimed => tally.ClaimedUntil is not { } until || until <= now,
            _ => false,
        };
}
