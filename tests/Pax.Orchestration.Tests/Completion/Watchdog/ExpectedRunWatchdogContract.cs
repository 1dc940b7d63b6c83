using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;
using Pax.Orchestration.Completion.Watchdog;
using static Pax.Orchestration.Tests.Support.TallyHarness;

namespace Pax.Orchestration.Tests.Completion.Watchdog;

/// <summary>The watchdog's check of expected run keys (<see cref="PhaseDefinition.Expected"/>), run against each store.</summary>
public abstract class ExpectedRunWatchdogContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TallyHarness> CreateAsync(params PhaseDefinition[] phases);

    [Fact]
    public async Task A_run_key_nobody_reported_for_is_overdue_from_its_expected_time_with_every_processor_missing()
    {
        await using var h = await CreateAsync(Scheduled(Named("phase2", "c", "a", "b"), "0 2 * * *", deadline: TimeSpan.FromHours(6), lookBack: TimeSpan.FromDays(1)));

        var beforeDeadline = await RunAtAsync(h, "2026-02-10T07:59:59Z");
        var atDeadline = await RunAtAsync(h, "2026-02-10T08:00:00Z");

        Assert.Empty(beforeDeadline.Overdue);
        Assert.Equal(0, beforeDeadline.ExpectedExamined);
        Assert.Equal(1, atDeadline.ExpectedExamined);
        var silent = Assert.Single(atDeadline.Overdue);
        Assert.Equal(("phase2", "2026-02-10"), (silent.Phase, silent.RunKey));
        Assert.Equal(["a", "b", "c"], silent.Missing);
        Assert.Equal(3, silent.MissingCount);
        Assert.Empty(silent.Completed);
        Assert.Null(silent.FirstCompletionAt);
        Assert.Equal(At("2026-02-10T02:00:00Z"), silent.ExpectedAt);
        Assert.Equal(At("2026-02-10T08:00:00Z"), silent.DeadlineAt);
        Assert.True(silent.Overdue);
        Assert.False(silent.Triggered);
    }

    [Fact]
    public async Task An_expected_run_key_with_a_report_or_a_trigger_is_not_reported_as_silent()
    {
        await using var h = await CreateAsync(Scheduled(Named("phase2", "a", "b"), "0 2 * * *", deadline: TimeSpan.FromHours(6), lookBack: TimeSpan.FromDays(3)));
        h.Time.SetUtcNow(At("2026-02-12T09:00:00Z"));
        await h.RecordAsync("phase2", "a", "2026-02-10");
        await h.RecordAsync("phase2", "b", "2026-02-10");
        await h.RecordAsync("phase2", "a", "2026-02-11");

        var report = await h.Watchdog.RunAsync(Ct);

        Assert.Equal(3, report.ExpectedExamined); // 2026-02-10, -11 and -12 (2026-02-09 02:00 is before the 3-day look-back)
        Assert.Equal(["2026-02-12"], report.Overdue.Select(s => s.RunKey));
        Assert.Single(h.Trigger.Calls);
    }

    [Fact]
    public async Task Expected_times_follow_the_time_zone_across_the_spring_daylight_saving_gap()
    {
        // 02:30 does not exist in New York on 2026-03-08 (02:00 EST jumps to 03:00 EDT): that day's run is expected at 03:00 EDT.
        await using var h = await CreateAsync(Scheduled(Named("phase2", "a"), "30 2 * * *", deadline: TimeSpan.FromHours(1), lookBack: TimeSpan.FromDays(3), timeZone: "America/New_York"));

        var before = await RunAtAsync(h, "2026-03-08T07:59:59Z");
        var after = await RunAtAsync(h, "2026-03-08T08:00:00Z");

        Assert.Equal(["2026-03-06", "2026-03-07"], before.Overdue.Select(s => s.RunKey));
        Assert.Equal([At("2026-03-06T07:30:00Z"), At("2026-03-07T07:30:00Z")], before.Overdue.Select(s => s.ExpectedAt!.Value));
        Assert.Equal(["2026-03-06", "2026-03-07", "2026-03-08"], after.Overdue.Select(s => s.RunKey));
        Assert.Equal(At("2026-03-08T07:00:00Z"), after.Overdue[2].ExpectedAt);
        Assert.Equal(At("2026-03-08T08:00:00Z"), after.Overdue[2].DeadlineAt);
    }

    [Fact]
    public async Task The_hour_repeated_in_autumn_expects_its_run_key_once_from_its_first_occurrence()
    {
        // On 2026-11-01 New York's 01:00-01:59 happens twice (EDT, then EST); both hours make run key 2026-11-01T01.
        var phase = Scheduled(Named("phase2", "a"), "0 * * * *", deadline: TimeSpan.FromMinutes(30), lookBack: TimeSpan.FromHours(2), timeZone: "America/New_York");
        phase.Expected!.RunKeyFormat = "yyyy-MM-dd'T'HH";
        await using var h = await CreateAsync(phase);

        var report = await RunAtAsync(h, "2026-11-01T06:30:00Z");

        Assert.Equal(1, report.ExpectedExamined);
        var silent = Assert.Single(report.Overdue);
        Assert.Equal("2026-11-01T01", silent.RunKey);
        Assert.Equal(At("2026-11-01T05:00:00Z"), silent.ExpectedAt);
        Assert.Equal(At("2026-11-01T05:30:00Z"), silent.DeadlineAt);
    }

    [Fact]
    public async Task Collector_slots_are_expected_in_the_collectors_run_key_format_for_a_counted_phase()
    {
        var phase = Scheduled(Counted("collect", 2), "*/30 * * * *", deadline: TimeSpan.FromMinutes(20), lookBack: TimeSpan.FromHours(1));
        phase.Expected!.RunKeyFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
        await using var h = await CreateAsync(phase);
        await h.RecordAsync("collect", "collector/0", "2026-02-10T05:30:00Z");
        await h.RecordAsync("collect", "collector/1", "2026-02-10T05:30:00Z");

        var report = await RunAtAsync(h, "2026-02-10T06:20:00Z");

        Assert.Equal(2, report.ExpectedExamined);
        var silent = Assert.Single(report.Overdue);
        Assert.Equal("2026-02-10T06:00:00Z", silent.RunKey);
        Assert.Empty(silent.Missing);
        Assert.Equal(2, silent.MissingCount);
    }

    [Fact]
    public async Task One_run_checks_at_most_MaxRunKeys_expected_run_keys_newest_first()
    {
        var phase = Scheduled(Named("phase2", "a"), "0 * * * *", deadline: TimeSpan.FromHours(1), lookBack: TimeSpan.FromDays(1));
        phase.Expected!.RunKeyFormat = "yyyy-MM-dd'T'HH";
        phase.Expected.MaxRunKeys = 3;
        await using var h = await CreateAsync(phase);

        var report = await RunAtAsync(h, "2026-02-11T00:00:00Z");

        Assert.Equal(3, report.ExpectedExamined);
        Assert.Equal(["2026-02-10T21", "2026-02-10T22", "2026-02-10T23"], report.Overdue.Select(s => s.RunKey));
    }

    [Fact]
    public async Task A_freshly_deployed_phase_expects_no_run_key_from_before_its_first_deployment()
    {
        var phase = Scheduled(Named("phase2", "a"), "0 2 * * *", deadline: TimeSpan.FromHours(1), lookBack: TimeSpan.FromDays(7));
        phase.Expected!.Start = null;
        await using var h = await CreateAsync(phase);

        var deployed = await RunAtAsync(h, "2026-02-10T06:00:00Z");
        var nextDay = await RunAtAsync(h, "2026-02-11T03:00:00Z");

        Assert.Empty(deployed.Overdue);
        Assert.Equal(0, deployed.ExpectedExamined);
        Assert.Equal(["2026-02-11"], nextDay.Overdue.Select(s => s.RunKey));
        Assert.Equal(At("2026-02-10T06:00:00Z"), await h.Store.RecordPhaseDeploymentAsync("phase2", At("2026-02-12T00:00:00Z"), Ct));
    }

    [Fact]
    public async Task An_upgraded_orchestrator_whose_phase_has_tallies_keeps_watching_the_run_keys_expected_before_the_upgrade()
    {
        // Tallies from before the upgrade (the version before recorded no first deployment): the oldest from 2026-02-16.
        var phase = Scheduled(Named("phase2", "a", "b"), "0 2 * * *", deadline: TimeSpan.FromHours(1), lookBack: TimeSpan.FromDays(7));
        phase.Expected!.Start = null;
        await using var h = await CreateAsync(phase);
        h.Time.SetUtcNow(At("2026-02-16T03:00:00Z"));
        await h.RecordAsync("phase2", "a", "2026-02-16");
        await h.RecordAsync("phase2", "b", "2026-02-16");
        h.Time.SetUtcNow(At("2026-02-17T03:00:00Z"));
        await h.RecordAsync("phase2", "a", "2026-02-17");

        var upgraded = await RunAtAsync(h, "2026-02-20T06:00:00Z");

        // 2026-02-17 is still incomplete; 2026-02-18 to -20 nobody reported: all overdue, as before the upgrade.
        Assert.Equal(["2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"], upgraded.Overdue.Select(s => s.RunKey).Order(StringComparer.Ordinal));
        Assert.Equal(At("2026-02-16T03:00:00Z"), await h.Store.RecordPhaseDeploymentAsync("phase2", At("2026-02-22T00:00:00Z"), Ct));
    }

    [Fact]
    public async Task An_upgraded_orchestrator_whose_tallies_are_older_than_the_look_back_expects_the_whole_look_back()
    {
        var phase = Scheduled(Named("phase2", "a"), "0 2 * * *", deadline: TimeSpan.FromHours(1), lookBack: TimeSpan.FromDays(3));
        phase.Expected!.Start = null;
        await using var h = await CreateAsync(phase);
        h.Time.SetUtcNow(At("2026-02-11T03:00:00Z"));
        await h.RecordAsync("phase2", "a", "2026-02-11");

        var upgraded = await RunAtAsync(h, "2026-03-05T06:00:00Z");

        Assert.Equal(["2026-03-03", "2026-03-04", "2026-03-05"], upgraded.Overdue.Select(s => s.RunKey).Order(StringComparer.Ordinal));
        Assert.Equal(At("2026-03-02T06:00:00Z"), await h.Store.RecordPhaseDeploymentAsync("phase2", At("2026-03-12T00:00:00Z"), Ct));
    }

    [Fact]
    public async Task A_configured_start_is_where_expected_run_keys_begin()
    {
        var phase = Scheduled(Named("phase2", "a"), "0 2 * * *", deadline: TimeSpan.FromHours(1), lookBack: TimeSpan.FromDays(7));
        phase.Expected!.Start = At("2026-02-08T00:00:00Z");
        await using var h = await CreateAsync(phase);

        var report = await RunAtAsync(h, "2026-02-10T06:00:00Z");

        Assert.Equal(["2026-02-08", "2026-02-09", "2026-02-10"], report.Overdue.Select(s => s.RunKey));
    }

    /// <summary>A scheduled phase whose expected run keys start long before the tests' times (<see cref="ExpectedRunSchedule.Start"/>), unless a test says otherwise.</summary>
    private static PhaseDefinition Scheduled(PhaseDefinition phase, string cron, TimeSpan deadline, TimeSpan lookBack, string timeZone = "UTC")
    {
        phase.Deadline = deadline;
        phase.Expected = new ExpectedRunSchedule { Cron = cron, TimeZone = timeZone, LookBack = lookBack, Start = At("2026-01-01T00:00:00Z") };
        return phase;
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static Task<WatchdogReport> RunAtAsync(TallyHarness h, string instant)
    {
        h.Time.SetUtcNow(At(instant));
        return h.Watchdog.RunAsync(Ct);
    }
}
