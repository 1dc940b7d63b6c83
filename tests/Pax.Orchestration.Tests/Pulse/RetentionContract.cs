using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Pulse;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Pulse;

/// <summary>The watchdog's retention on a real store: pulse counts and rejected deliveries past their age are deleted, the recent kept.</summary>
public abstract partial class PulseContract
{
    [Fact]
    public async Task The_watchdog_deletes_pulse_counts_and_rejected_deliveries_past_their_age_and_keeps_the_recent()
    {
        await using var h = await CreateTallyAsync(TallyHarness.Named("collect", "a"));
        var store = h.Services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.PhasesKey).Store;
        var old = h.Time.GetUtcNow();
        await h.Store.RecordRejectedAsync(new RejectedMessage("m-old", "contract: old", old, null), Ct);
        await store.AddAsync([Bucket("collect", PulseBucket.HourOf(old), reports: 3)], Ct);

        // 31 days later (both ages default to 30 days): one new rejection, one new hour of counts.
        h.Time.Advance(TimeSpan.FromDays(31));
        var now = h.Time.GetUtcNow();
        await h.Store.RecordRejectedAsync(new RejectedMessage("m-new", "contract: new", now, null), Ct);
        await store.AddAsync([Bucket("collect", PulseBucket.HourOf(now), reports: 5)], Ct);

        await h.Watchdog.RunAsync(Ct);

        var rejected = await ((ICompletionStoreQueries)h.Store).ListRecentRejectedAsync(10, null, null, Ct);
        Assert.Equal(["m-new"], rejected.Select(r => r.MessageId));
        var (counts, _) = await store.ReadSinceAsync(old.AddDays(-1), 100, Ct);
        Assert.Equal([(PulseBucket.HourOf(now), 5L)], counts.Select(b => (b.Hour, b.Counts[(int)PulseCounter.Reports])));
    }
}
