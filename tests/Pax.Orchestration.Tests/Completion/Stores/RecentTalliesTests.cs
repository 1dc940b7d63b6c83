using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores.Internal;

namespace Pax.Orchestration.Tests.Completion.Stores;

public sealed class RecentTalliesTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 10, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_least_recently_used_tallies_go_first_once_the_weight_limit_is_passed()
    {
        var recent = new RecentTallies(maxWeight: 6); // each tally below weighs 2 (one report + 1)
        recent.Set("k1", Tally("k1"), "t1");
        recent.Set("k2", Tally("k2"), "t2");
        recent.Set("k3", Tally("k3"), "t3");

        Assert.NotNull(recent.Get("k1")); // k1 is now the most recently used
        recent.Set("k4", Tally("k4"), "t4");

        Assert.Null(recent.Get("k2"));
        Assert.Equal("t1", recent.Get("k1")?.UpdateTime);
        Assert.Equal("t3", recent.Get("k3")?.UpdateTime);
        Assert.Equal("t4", recent.Get("k4")?.UpdateTime);
    }

    [Fact]
    public void Setting_a_tally_without_an_update_time_or_removing_it_forgets_it()
    {
        var recent = new RecentTallies();
        recent.Set("k1", Tally("k1"), "t1");
        recent.Set("k2", Tally("k2"), "t2");

        recent.Set("k1", Tally("k1"), null);
        recent.Remove("k2");

        Assert.Null(recent.Get("k1"));
        Assert.Null(recent.Get("k2"));
    }

    private static StoredTally Tally(string runKey) => new(
        "phase2",
        runKey,
        TallyTriggerState.Open,
        new Dictionary<string, ProcessorCompletion> { ["a"] = new("a", CompletionStatus.Succeeded, At, null, null) },
        At,
        At,
        null,
        null);
}
