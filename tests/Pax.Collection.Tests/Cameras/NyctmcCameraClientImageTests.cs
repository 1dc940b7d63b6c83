using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Pax.CameraSimulator;
using Pax.Collection.Cameras;

namespace Pax.Collection.Tests.Cameras;

public sealed class NyctmcCameraClientImageTests : IAsyncLifetime
{
    private CameraSimulatorServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Camera Camera => _server.Cameras[0];

    public async ValueTask InitializeAsync() =>
        _server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 5 }, cancellationToken: Ct);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task FetchImage_returns_the_camera_jpeg_with_its_content_type_and_fetch_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress, timeProvider: time);

        var image = await harness.Client.FetchImageAsync(Camera, Ct);

        Assert.Equal(_server.GetCurrentImage(Camera.Id), image.Content.ToArray());
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal(Camera.Id, image.CameraId);
        Assert.Equal(time.GetUtcNow(), image.FetchedAt);
        Assert.Equal(1, image.Attempts);
    }

    [Fact]
    public async Task FetchImage_retries_a_server_error_and_then_succeeds()
    {
        _server.ForceFault(Camera.Id, CameraFault.ServerError, times: 1);
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress);

        var image = await harness.Client.FetchImageAsync(Camera, Ct);

        Assert.Equal(2, image.Attempts);
        Assert.Equal(2, _server.GetImageRequestCount(Camera.Id));
        Assert.Equal(_server.GetCurrentImage(Camera.Id), image.Content.ToArray());
    }

    [Fact]
    public async Task FetchImage_reports_HttpStatus_with_the_code_after_retrying_a_persistent_server_error()
    {
        _server.ForceFault(Camera.Id, CameraFault.ServerError);
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress, o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(Camera, Ct));

        Assert.Equal(CameraFetchFailure.HttpStatus, ex.Failure);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, _server.GetImageRequestCount(Camera.Id));
        Assert.Contains("HTTP 503", ex.Reason, StringComparison.Ordinal);
        Assert.Contains(Camera.Id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchImage_does_not_retry_not_found()
    {
        var unknown = Camera with { Id = "no-such-camera", ImageUrl = null };
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress);

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(unknown, Ct));

        Assert.Equal(CameraFetchFailure.HttpStatus, ex.Failure);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task FetchImage_reports_Truncated_after_retrying_a_body_cut_short_every_time()
    {
        _server.ForceFault(Camera.Id, CameraFault.Truncated);
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress, o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(Camera, Ct));

        Assert.Equal(CameraFetchFailure.Truncated, ex.Failure);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, _server.GetImageRequestCount(Camera.Id));
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task FetchImage_retries_a_truncated_body_and_then_succeeds()
    {
        _server.ForceFault(Camera.Id, CameraFault.Truncated, times: 1);
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress);

        var image = await harness.Client.FetchImageAsync(Camera, Ct);

        Assert.Equal(2, image.Attempts);
        Assert.Equal(_server.GetCurrentImage(Camera.Id), image.Content.ToArray());
    }

    [Fact]
    public async Task FetchImage_reports_TooLarge_from_the_announced_length_without_retrying()
    {
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress, o => o.MaxImageBytes = 4096);

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(Camera, Ct));

        Assert.Equal(CameraFetchFailure.TooLarge, ex.Failure);
        Assert.Contains("announced Content-Length", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task FetchImage_reports_TooLarge_while_reading_a_body_without_a_length()
    {
        await using var api = await LoopbackServer.StartAsync(async context =>
        {
            // No Content-Length: the response is chunked, so only counting while reading can find it too large.
            context.Response.ContentType = "image/jpeg";
            for (var i = 0; i < 8; i++)
            {
                await context.Response.Body.WriteAsync(new byte[1024], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress, o => o.MaxImageBytes = 4096);

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(new Camera("cam", "Cam", 40.7, -73.9, null, true), Ct));

        Assert.Equal(CameraFetchFailure.TooLarge, ex.Failure);
        Assert.Contains("passed the 4,096-byte limit", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task FetchImage_reports_Timeout_when_the_server_holds_every_attempt()
    {
        _server.ForceFault(Camera.Id, CameraFault.Timeout);
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress, o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(Camera, Ct));

        Assert.Equal(CameraFetchFailure.Timeout, ex.Failure);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, _server.GetImageRequestCount(Camera.Id));
    }

    [Fact]
    public async Task FetchImage_times_out_a_trickling_body_and_retries_it()
    {
        await using var slow = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 1, SlowBodyDuration = TimeSpan.FromMinutes(1) }, cancellationToken: Ct);
        var camera = slow.Cameras[0];
        slow.ForceFault(camera.Id, CameraFault.SlowBody, times: 1);
        await using var harness = NyctmcClientHarness.Create(slow.BaseAddress, o => o.RequestTimeout = TimeSpan.FromMilliseconds(1500));

        var image = await harness.Client.FetchImageAsync(camera, Ct);

        Assert.Equal(2, image.Attempts);
        Assert.Equal(slow.GetCurrentImage(camera.Id), image.Content.ToArray());
    }

    [Fact]
    public async Task FetchImage_propagates_caller_cancellation_as_OperationCanceledException()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await LoopbackServer.StartAsync(async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress, o => o.RequestTimeout = TimeSpan.FromMinutes(5));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var fetch = harness.Client.FetchImageAsync(new Camera("cam", "Cam", 40.7, -73.9, null, true), cancellation.Token);
        await arrived.Task.WaitAsync(Ct);
        await cancellation.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
        Assert.IsNotType<CameraFetchException>(ex);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task FetchImage_does_not_follow_an_announced_image_url_on_another_host()
    {
        await using var foreign = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("secret"));
        var camera = Camera with { ImageUrl = new Uri(foreign.BaseAddress, $"api/cameras/{Camera.Id}/image") };
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress);

        var image = await harness.Client.FetchImageAsync(camera, Ct);

        Assert.Empty(foreign.Requests);
        Assert.Equal(1, _server.GetImageRequestCount(Camera.Id));
        Assert.Equal(_server.GetCurrentImage(Camera.Id), image.Content.ToArray());
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 1105);
    }

    [Fact]
    public async Task FetchImage_follows_an_announced_image_url_on_the_api_origin_and_adds_the_cache_buster()
    {
        await using var api = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }).AsTask());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 30, 0, TimeSpan.Zero));
        var camera = new Camera("cam", "Cam", 40.7, -73.9, null, true) { ImageUrl = new Uri(api.BaseAddress, "custom/cam.jpg?size=large") };
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress, timeProvider: time);

        await harness.Client.FetchImageAsync(camera, Ct);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/custom/cam.jpg", request.Path);
        Assert.Equal("large", request.Query["size"]);
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Query["t"]);
        Assert.Contains("image/jpeg", request.Accept, StringComparison.Ordinal);
        Assert.Equal(NyctmcOptions.DefaultUserAgent, request.UserAgent);
    }

    [Fact]
    public async Task FetchImage_escapes_the_camera_id_in_the_default_url()
    {
        await using var api = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }).AsTask());
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123));
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress, timeProvider: time);

        await harness.Client.FetchImageAsync(new Camera("a b/c?d#e%f", "Odd", 40.7, -73.9, null, true), Ct);

        var request = Assert.Single(api.Requests);
        Assert.Equal("/api/cameras/a%20b%2Fc%3Fd%23e%25f/image?t=1790000000123", request.RawTarget);
    }

    [Fact]
    public async Task FetchImage_does_not_follow_a_redirect_to_another_host()
    {
        await using var foreign = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("secret"));
        await using var api = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect(new Uri(foreign.BaseAddress, "metadata").AbsoluteUri);
            return Task.CompletedTask;
        });
        await using var harness = NyctmcClientHarness.Create(api.BaseAddress);

        var ex = await Assert.ThrowsAsync<CameraFetchException>(() => harness.Client.FetchImageAsync(new Camera("cam", "Cam", 40.7, -73.9, null, true), Ct));

        Assert.Equal(HttpStatusCode.Redirect, ex.StatusCode);
        Assert.Empty(foreign.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    public async Task FetchImage_rejects_ids_that_cannot_name_a_url(string id)
    {
        await using var harness = NyctmcClientHarness.Create(_server.BaseAddress);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.FetchImageAsync(new Camera(id, "x", 40.7, -73.9, null, true), Ct));
    }
}
