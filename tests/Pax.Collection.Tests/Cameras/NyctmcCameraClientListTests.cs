using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pax.CameraSimulator;
using Pax.Collection.Cameras;

namespace Pax.Collection.Tests.Cameras;

public sealed class NyctmcCameraClientListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCameras_reads_the_list_the_simulator_serves()
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 12, OfflineCameras = 3 }, cancellationToken: Ct);
        await using var harness = NyctmcClientHarness.Create(server.BaseAddress);

        var cameras = await harness.Client.GetCamerasAsync(Ct);

        Assert.Equal(server.Cameras, cameras);
        Assert.Equal(3, cameras.Count(c => !c.IsOnline));
        Assert.All(cameras, c => Assert.Equal(new Uri(server.BaseAddress, $"api/cameras/{c.Id}/image"), c.ImageUrl));
    }

    [Fact]
    public async Task GetCameras_accepts_boolean_isOnline_and_string_coordinates()
    {
        const string body = """
            [
              {"id":"a","name":"A @ 1 St","latitude":"40.7561","longitude":"-73.9842","area":"Manhattan","isOnline":true},
              {"id":"b","name":"B @ 2 St","latitude":40.75,"longitude":-73.98,"area":"Queens","isOnline":"false","imageUrl":"https://example.test/b"},
              {"id":"c","name":"C @ 3 St","latitude":40.7,"longitude":-73.9,"isOnline":"TRUE"}
            ]
            """;
        await using var api = await LoopbackServer.StartAsync(context => context.Response.WriteAsync(body));
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress);

        var cameras = await harness.Client.GetCamerasAsync(Ct);

        Assert.Equal(
            [
                new Camera("a", "A @ 1 St", 40.7561, -73.9842, "Manhattan", true),
                new Camera("b", "B @ 2 St", 40.75, -73.98, "Queens", false) { ImageUrl = new Uri("https://example.test/b") },
                new Camera("c", "C @ 3 St", 40.7, -73.9, null, true),
            ],
            cameras);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/api/cameras", request.Path);
        Assert.StartsWith("Pax.Collection/", request.UserAgent, StringComparison.Ordinal);
        Assert.Contains("application/json", request.Accept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCameras_skips_unreadable_entries_and_logs_them()
    {
        const string body = """
            [
              42,
              {"name":"no id","latitude":40.7,"longitude":-73.9,"isOnline":"true"},
              {"id":"bad-lat","latitude":"north","longitude":-73.9,"isOnline":"true"},
              {"id":"bad-flag","latitude":40.7,"longitude":-73.9,"isOnline":"maybe"},
              {"id":"no-lon","latitude":40.7,"isOnline":"true"},
              {"id":"good","name":"Good","latitude":40.7,"longitude":-73.9,"isOnline":"true"}
            ]
            """;
        await using var api = await LoopbackServer.StartAsync(context => context.Response.WriteAsync(body));
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress);

        var cameras = await harness.Client.GetCamerasAsync(Ct);

        Assert.Equal("good", Assert.Single(cameras).Id);
        var summary = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Id == 1102);
        Assert.Equal(LogLevel.Warning, summary.Level);
        Assert.Contains("Skipped 5 of 6", summary.Message, StringComparison.Ordinal);
        var reasons = harness.Logs.GetSnapshot().Where(r => r.Id.Id == 1101).Select(r => r.Message).ToList();
        Assert.Equal(5, reasons.Count);
        Assert.Contains(reasons, m => m.Contains("entry 0: is a number, not an object", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.Contains("entry 1: has no id", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.Contains("'north' is not a number", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.Contains("'maybe' is not \"true\" or \"false\"", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.Contains("no-lon has no valid longitude", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCameras_returns_an_empty_list_as_empty()
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { CameraListFault = CameraListFault.Empty }, cancellationToken: Ct);
        await using var harness = NyctmcClientHarness.Create(server.BaseAddress);

        Assert.Empty(await harness.Client.GetCamerasAsync(Ct));
    }

    [Fact]
    public async Task GetCameras_throws_CameraApiException_with_the_status_when_the_API_stays_down()
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { CameraListFault = CameraListFault.Down }, cancellationToken: Ct);
        await using var harness = NyctmcClientHarness.Create(server.BaseAddress, o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<CameraApiException>(() => harness.Client.GetCamerasAsync(Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("HTTP 503", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.CameraListRequestCount);
    }

    [Theory]
    [InlineData(CameraListFault.MalformedJson, "the response was not valid JSON")]
    [InlineData(CameraListFault.NotAnArray, "the response was not a JSON array (it was an object)")]
    public async Task GetCameras_throws_CameraApiException_naming_what_was_wrong_with_the_body(CameraListFault fault, string expected)
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { CameraListFault = fault }, cancellationToken: Ct);
        await using var harness = NyctmcClientHarness.Create(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<CameraApiException>(() => harness.Client.GetCamerasAsync(Ct));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(server.BaseAddress.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task GetCameras_throws_CameraApiException_when_the_connection_is_refused()
    {
        var closed = await LoopbackServer.GetClosedAddressAsync();
        await using var harness = NyctmcClientHarness.Create(closed, o => o.MaxRetries = 1);

        var ex = await Assert.ThrowsAsync<CameraApiException>(() => harness.Client.GetCamerasAsync(Ct));

        Assert.Contains("the request failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task GetCameras_does_not_retry_a_client_error()
    {
        await using var api = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress);

        var ex = await Assert.ThrowsAsync<CameraApiException>(() => harness.Client.GetCamerasAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Single(api.Requests);
    }
}
