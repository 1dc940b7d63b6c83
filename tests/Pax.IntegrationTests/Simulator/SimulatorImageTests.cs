using System.Net;
using Microsoft.Extensions.Time.Testing;
using Pax.CameraSimulator;

namespace Pax.IntegrationTests.Simulator;

public sealed class SimulatorImageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
    private CameraSimulatorServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 12, OfflineCameras = 2, StaleCameras = 2 }, timeProvider: _time, cancellationToken: Ct);
        _http = SimulatorHttp.CreateClient(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_camera_serves_a_structurally_valid_352x240_baseline_jpeg_of_realistic_size()
    {
        foreach (var camera in _server.Cameras)
        {
            using var response = await _http.GetAsync($"api/cameras/{camera.Id}/image", Ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            var jpeg = JpegStructure.Parse(bytes);
            Assert.Equal((352, 240, 3), (jpeg.Width, jpeg.Height, jpeg.Components));
            Assert.Equal([0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xFE, 0xFE, 0xDA, 0xD9], jpeg.Markers);
            Assert.InRange(bytes.Length, 15_000, 20_000);
        }
    }

    [Fact]
    public async Task Images_differ_between_cameras()
    {
        var online = _server.Cameras.Where(c => c.IsOnline && !_server.StaleCameraIds.Contains(c.Id)).ToList();

        var images = await Task.WhenAll(online.Select(c => _http.GetByteArrayAsync($"api/cameras/{c.Id}/image", Ct)));

        Assert.Equal(images.Length, images.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public async Task A_live_camera_changes_its_image_with_the_slot_and_not_within_it()
    {
        var camera = _server.Cameras.First(c => c.IsOnline && !_server.StaleCameraIds.Contains(c.Id));
        var path = $"api/cameras/{camera.Id}/image";

        var first = await _http.GetByteArrayAsync(path, Ct);
        _time.Advance(TimeSpan.FromMinutes(29));
        var sameSlot = await _http.GetByteArrayAsync(path, Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var nextSlot = await _http.GetByteArrayAsync(path, Ct);

        Assert.Equal(first, sameSlot);
        Assert.NotEqual(first, nextSlot);
        JpegStructure.Parse(nextSlot);
    }

    [Fact]
    public async Task Stale_cameras_serve_identical_bytes_in_every_slot()
    {
        Assert.Equal(2, _server.StaleCameraIds.Count);
        foreach (var id in _server.StaleCameraIds)
        {
            var before = await _http.GetByteArrayAsync($"api/cameras/{id}/image", Ct);
            _time.Advance(TimeSpan.FromHours(5));
            var after = await _http.GetByteArrayAsync($"api/cameras/{id}/image", Ct);

            Assert.Equal(before, after);
            Assert.True(_server.Cameras.Single(c => c.Id == id).IsOnline);
        }
    }

    [Fact]
    public async Task Offline_cameras_serve_one_shared_placeholder_jpeg()
    {
        var offline = _server.Cameras.Where(c => !c.IsOnline).ToList();

        var images = await Task.WhenAll(offline.Select(c => _http.GetByteArrayAsync($"api/cameras/{c.Id}/image", Ct)));

        Assert.Equal(2, images.Length);
        Assert.Equal(images[0], images[1]);
        Assert.Equal(352, JpegStructure.Parse(images[0]).Width);
    }

    [Fact]
    public async Task An_unknown_camera_is_not_found()
    {
        using var response = await _http.GetAsync("api/cameras/00000000-0000-0000-0000-000000000000/image", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetCurrentImage_returns_what_a_request_gets()
    {
        var camera = _server.Cameras[0];

        Assert.Equal(_server.GetCurrentImage(camera.Id), await _http.GetByteArrayAsync($"api/cameras/{camera.Id}/image", Ct));
    }
}
