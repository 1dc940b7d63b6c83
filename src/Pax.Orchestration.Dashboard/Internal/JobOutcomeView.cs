using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>One of a job's last outcomes (<c>history</c> in <c>/pax/api/jobs</c>, newest first): <c>result</c> is <c>succeeded</c>, <c>failed</c>, <c>interrupted</c> or <c>skipped</c>.</summary>
internal sealed record JobOutcomeView(DateTimeOffset At, long DurationMs, string Result, string? Error, int Attempt)
{
    public static JobOutcomeView From(JobOutcome outcome) =>
        new(outcome.At, (long)outcome.Duration.TotalMilliseconds, outcome.Result.ToString().ToLowerInvariant(), outcome.Error, outcome.Attempt);
}
