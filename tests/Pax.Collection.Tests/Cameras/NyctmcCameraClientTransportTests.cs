using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.CameraSimulator;
using Pax.Collection.Cameras;

namespace Pax.Collection.Tests.Cameras;

public sealed class NyctmcCameraClientTransportTests
{
    private static readonly Camera SomeCamera = new("cam", "Cam", 40.7, -73.9, null, true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StatusCodes.Status429TooManyRequests)]
    [InlineData(StatusCodes.Status408RequestTimeout)]
    public async Task FetchImage_retries_throttling_and_request_timeout_answers(int status)
    {
        var calls = 0;
        await using var api = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = status;
                return Task.CompletedTask;
            }

            return context.Response.Body.WriteAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }).AsTask();
        });
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress);

        var image = await harness.Client.FetchImageAsync(SomeCamera, Ct);

        Assert.Equal(2, image.Attempts);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task FetchImage_returns_the_bytes_as_sent_without_decompressing_them()
    {
        byte[] sent = [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03];
        await using var api = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "image/jpeg";
            return context.Response.Body.WriteAsync(sent).AsTask();
        });
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress);

        var image = await harness.Client.FetchImageAsync(SomeCamera, Ct);

        Assert.Equal(sent, image.Content.ToArray());
    }

    [Fact]
    public async Task The_per_attempt_timeout_runs_on_the_injected_TimeProvider()
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 1 }, cancellationToken: Ct);
        var camera = server.Cameras[0];
        server.ForceFault(camera.Id, CameraFault.Timeout);
        var time = new FakeTimeProvider();
        await using var harness = NyctmcClientHarness.Create(server.BaseAddress, o =>
        {
            o.RequestTimeout = TimeSpan.FromMinutes(10);
            o.MaxRetries = 0;
        }, time);

        var fetch = harness.Client.FetchImageAsync(camera, Ct);
        await server.WaitForImageRequestsAsync(camera.Id, 1, Ct);
        Assert.False(fetch.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(10));

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(CameraFetchFailure.Timeout, ex.Failure);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task A_resilience_handler_added_to_every_client_does_not_retry_on_top_of_the_client()
    {
        await using var api = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        await using var harness = NyctmcClientHarness.Create(
            api.BaseAddress,
            o => o.MaxRetries = 0,
            configureServices: services => services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler()));

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(SomeCamera, Ct));

        Assert.Equal(1, ex.Attempts);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task FetchImage_reports_Transport_when_nothing_listens()
    {
        var closed = await LoopbackServer.GetClosedAddressAsync();
        await using var harness = NyctmcClientHarness.Create(closed, o => o.MaxRetries = 1);

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(SomeCamera, Ct));

        Assert.Equal(CameraFetchFailure.Transport, ex.Failure);
        Assert.Equal(2, ex.Attempts);
        Assert.Null(ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }
}
