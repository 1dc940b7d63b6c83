using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>
/// The Firestore store commits a report for a tally it just read or wrote without reading it again; when another
/// instance changed the document meanwhile, the update-time precondition refuses the commit and the store reads again.
/// </summary>
public sealed class FirestoreCompletionStoreCacheTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_through_two_instances_with_stale_copies_are_each_recorded_once_and_the_tally_is_claimed_once()
    {
        await using var h = TallyHarness.Firestore(await emulators.FirestoreAsync(), TallyHarness.Named("phase2", "a", "b", "c"));
        var first = h.Store;
        var second = new FirestoreCompletionStore(h.Services.GetRequiredService<FirestoreClient>(), h.Services.GetRequiredService<IOptions<OrchestrationOptions>>());
        var claim = new ClaimOnCompletion(t => t.Completions.Count == 3, h.Time.GetUtcNow().AddMinutes(1));

        await first.RecordAsync("phase2", "k1", Report("a"), claim, Ct);
        await second.RecordAsync("phase2", "k1", Report("b"), claim, Ct); // the first instance's copy is stale now
        var bThroughFirst = await first.RecordAsync("phase2", "k1", Report("b"), claim, Ct);
        var cThroughFirst = await first.RecordAsync("phase2", "k1", Report("c"), claim, Ct);
        var cThroughSecond = await second.RecordAsync("phase2", "k1", Report("c"), claim, Ct); // the second instance's copy is stale too
        var stored = await h.Store.GetAsync("phase2", "k1", Ct);

        Assert.False(bThroughFirst.Changed);
        Assert.Equal(["a", "b"], bThroughFirst.Tally.Completions.Keys.Order(StringComparer.Ordinal));
        Assert.True(cThroughFirst.Changed);
        Assert.True(cThroughFirst.Claimed);
        Assert.False(cThroughSecond.Changed);
        Assert.False(cThroughSecond.Claimed);
        Assert.Equal(TallyTriggerState.Claimed, stored!.State);
        Assert.Equal(["a", "b", "c"], stored.Completions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_trigger_failure_whose_tally_is_marked_triggered_between_its_read_and_its_commit_is_not_written()
    {
        await using var h = TallyHarness.Firestore(await emulators.FirestoreAsync(), TallyHarness.Named("phase2", "a"));
        await h.Store.RecordAsync("phase2", "k1", Report("a"), new ClaimOnCompletion(_ => true, h.Time.GetUtcNow().AddMinutes(1)), Ct);

        // Another instance's trigger succeeds after this instance read the claimed tally and before it commits the failure.
        using var race = new HttpClient(new AfterFirstRead(() => h.Store.MarkTriggeredAsync("phase2", "k1", h.Time.GetUtcNow(), null, Ct)));
        var racing = new FirestoreCompletionStore(
            new FirestoreClient(race, h.Services.GetRequiredService<IOptions<GoogleCloudOptions>>()), h.Services.GetRequiredService<IOptions<OrchestrationOptions>>());
        var recorded = await racing.RecordTriggerFailureAsync("phase2", "k1", h.Time.GetUtcNow(), "HTTP 403 PERMISSION_DENIED: late", Ct);
        var stored = await h.Store.GetAsync("phase2", "k1", Ct);

        Assert.Null(recorded);
        Assert.Equal(TallyTriggerState.Triggered, stored!.State);
        Assert.Null(stored.LastTriggerError);
    }

    private static ProcessorCompletion Report(string processor) => new(processor, CompletionStatus.Succeeded, new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero), "m-" + processor, null);

    /// <summary>Runs <paramref name="between"/> once, after the first document read (GET) has been answered and before its answer reaches the caller.</summary>
    private sealed class AfterFirstRead(Func<Task> between) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _reads;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get && Interlocked.Increment(ref _reads) == 1)
            {
                await between();
            }

            return response;
        }
    }
}
