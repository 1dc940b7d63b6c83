using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>The retention rule of <see cref="ScheduledJob.History"/>: newest first, at most MaxOutcomes, none older than MaxAge — except the newest.</summary>
public sealed class JobHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_newest_outcome_is_kept_however_old_and_the_others_by_count_and_age()
    {
        var options = new JobHistoryOptions { MaxOutcomes = 3, MaxAge = TimeSpan.FromDays(30) };
        IReadOnlyList<JobOutcome> history = [Outcome(Now.AddDays(-400)), Outcome(Now.AddDays(-401))];

        Assert.Equal([Now.AddDays(-400)], JobHistory.Trim(history, options, Now).Select(o => o.At));

        var appended = JobHistory.Append([Outcome(Now.AddDays(-1)), Outcome(Now.AddDays(-2)), Outcome(Now.AddDays(-3)), Outcome(Now.AddDays(-40))], Outcome(Now), options, Now);
        Assert.Equal([Now, Now.AddDays(-1), Now.AddDays(-2)], appended.Select(o => o.At));
    }

    [Fact]
    public void An_outcome_is_kept_to_the_millisecond_with_its_error_bounded()
    {
        var outcome = JobHistory.Outcome(Now.AddTicks(12_345), TimeSpan.FromTicks(15_006), JobOutcomeResult.Failed, new string('e', 900), 2);

        Assert.Equal((Now.AddMilliseconds(1), TimeSpan.FromMilliseconds(2), 500), (outcome.At, outcome.Duration, outcome.Error!.Length));
    }

    private static JobOutcome Outcome(DateTimeOffset at) => new(at, TimeSpan.Zero, JobOutcomeResult.Succeeded, null, 1);
}
