using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Monitoring.Internal;
using Pax.TestSupport.Monitoring;

namespace Pax.GoogleCloud.Tests.Monitoring.Internal;

public sealed class CloudMonitoringClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Push_requests_of_a_day_come_back_summed_per_subscription_and_response_code()
    {
        await using var server = await FakeCloudMonitoringServer.StartAsync(cancellationToken: Ct);
        server.AddPushRequests("my-project", "orders", "permission_denied", 700, Now.AddHours(-3));
        server.AddPushRequests("my-project", "orders", "permission_denied", 504, Now.AddHours(-20));
        server.AddPushRequests("my-project", "orders", "success", 3, Now.AddHours(-1));
        server.AddPushRequests("my-project", "orders", "success", 9, Now.AddHours(-30)); // outside the window.
        await using var services = Services(server.BaseAddress);

        var series = await services.GetRequiredService<CloudMonitoringClient>().ListTimeSeriesAsync(new MonitoringQuery(
            "my-project", "metric.type = \"pubsub.googleapis.com/subscription/push_request_count\" AND resource.type = \"pubsub_subscription\"",
            Now.AddHours(-24), Now, TimeSpan.FromHours(24), "ALIGN_SUM", "REDUCE_SUM", ["resource.label.subscription_id", "metric.label.response_code"]), Ct);

        var sums = series.ToDictionary(s => s.MetricLabels["response_code"], s => s.Points.Sum(p => p.Value));
        Assert.Equal(new Dictionary<string, long> { ["permission_denied"] = 1204, ["success"] = 3 }, sums);
        Assert.All(series, s => Assert.Equal("orders", s.ResourceLabels["subscription_id"]));
        var request = Assert.Single(server.Requests);
        Assert.Contains("aggregation.groupByFields=resource.label.subscription_id&aggregation.groupByFields=metric.label.response_code", request.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gauge_points_come_back_most_recent_first()
    {
        await using var server = await FakeCloudMonitoringServer.StartAsync(cancellationToken: Ct);
        server.AddOldestUnackedAge("my-project", "orders", TimeSpan.FromHours(5), Now.AddHours(-5));
        server.AddOldestUnackedAge("my-project", "orders", TimeSpan.FromHours(9), Now.AddMinutes(-1));
        await using var services = Services(server.BaseAddress);

        var series = Assert.Single(await services.GetRequiredService<CloudMonitoringClient>().ListTimeSeriesAsync(new MonitoringQuery(
            "my-project", "metric.type = \"pubsub.googleapis.com/subscription/oldest_unacked_message_age\" AND resource.labels.subscription_id = \"orders\"",
            Now.AddHours(-24), Now, TimeSpan.FromHours(1), "ALIGN_MAX", null, []), Ct));

        Assert.Equal([9 * 3600L, 5 * 3600L], series.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task Without_monitoring_viewer_the_read_is_403_naming_the_permission()
    {
        await using var server = await FakeCloudMonitoringServer.StartAsync(cancellationToken: Ct);
        server.Deny("my-project");
        await using var services = Services(server.BaseAddress);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<CloudMonitoringClient>().ListTimeSeriesAsync(new MonitoringQuery(
            "my-project", "metric.type = \"pubsub.googleapis.com/subscription/push_request_count\"", Now.AddHours(-24), Now, TimeSpan.FromHours(24), "ALIGN_SUM", null, []), Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatus);
        Assert.Contains("monitoring.timeSeries.list", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Uri monitoring) =>
        new ServiceCollection().AddPaxGoogleCloud(o => GoogleApiEndpointOverrides.Apply(o, n => n == "CLOUDSDK_API_ENDPOINT_OVERRIDES_MONITORING" ? monitoring.AbsoluteUri : null))
            .BuildServiceProvider();
}
