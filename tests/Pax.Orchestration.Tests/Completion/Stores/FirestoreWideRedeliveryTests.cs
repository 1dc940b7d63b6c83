using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>
/// A wide report whose commit went through but whose delivery failed after it (the shard sum could not be read): Pub/Sub
/// redelivers it, and the redelivery is the report's recording — logged and counted as recorded once, not as a duplicate
/// of a report that was never answered.
/// </summary>
public sealed class FirestoreWideRedeliveryTests(EmulatorsFixture emulators)
{
    [Fact]
    public async Task The_redelivery_of_a_report_committed_by_a_failed_delivery_is_recorded_once()
    {
        var failing = new FailingSums();
        await using var h = TallyHarness.Firestore(
            await emulators.FirestoreAsync(),
            services => services.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(() => failing),
            TallyHarness.Counted("wide", 60));

        failing.On = true;
        await Assert.ThrowsAnyAsync<Exception>(() => h.RecordAsync("wide", "collector/0", "2026-02-10", messageId: "m0"));
        failing.On = false;

        var redelivered = await h.RecordAsync("wide", "collector/0", "2026-02-10", messageId: "m0");
        var again = await h.RecordAsync("wide", "collector/0", "2026-02-10", messageId: "m0");

        Assert.True(failing.Refused > 0);
        Assert.Equal(ReportDisposition.Recorded, redelivered.Disposition);
        Assert.Equal(ReportDisposition.Duplicate, again.Disposition);
        Assert.Equal(1, (await h.Tally.GetStatusAsync("wide", "2026-02-10", TestContext.Current.CancellationToken))!.CompletedCount);
    }

    /// <summary>While on, answers every aggregation query as Firestore answers an unavailable backend (503 UNAVAILABLE).</summary>
    private sealed class FailingSums : DelegatingHandler
    {
        private int _refused;

        public bool On { get; set; }

        public int Refused => _refused;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!On || request.RequestUri?.AbsolutePath.EndsWith(":runAggregationQuery", StringComparison.Ordinal) != true)
            {
                return base.SendAsync(request, cancellationToken);
            }

            Interlocked.Increment(ref _refused);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                RequestMessage = request,
                Content = new StringContent("""{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
