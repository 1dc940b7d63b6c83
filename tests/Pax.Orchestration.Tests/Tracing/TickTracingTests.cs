using System.Diagnostics;
using System.Net;
using System.Text;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Tracing;

namespace Pax.Orchestration.Tests.Tracing;

public sealed class TickTracingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tick_continues_the_requests_traceparent_and_each_job_runs_in_a_child_span()
    {
        using var spans = new SpanRecorder();
        await using var server = await SchedulerServer.StartAsync();
        ActivityTraceId? seenByHandler = null;
        server.Handler.Behavior = (_, _) =>
        {
            seenByHandler = Activity.Current?.TraceId;
            return Task.CompletedTask;
        };
        var created = await server.Client.PostAsync("/jobs", new StringContent("""{"id":"j-trace","type":"test"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scheduler = SpanRecorder.NewRemoteContext();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cron/tick");
        request.Headers.Add("traceparent", SpanRecorder.TraceParent(scheduler));

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tick = Assert.Single(spans.InTrace(scheduler.TraceId), s => s.DisplayName == "tick");
        var run = Assert.Single(spans.InTrace(scheduler.TraceId), s => s.DisplayName == "job run test");
        Assert.Equal(tick.SpanId, run.ParentSpanId);
        Assert.Equal("j-trace", run.GetTagItem("pax.job.id"));
        Assert.Equal(scheduler.TraceId, seenByHandler);
    }
}
