using System.Diagnostics;
using System.Net;
using Pax.CameraSimulator;

namespace Pax.IntegrationTests.Simulator;

public sealed class SimulatorFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerError_answers_503()
    {
        await using var server = await StartAsync(CameraFault.ServerError);
        using var http = SimulatorHttp.CreateClient(server);

        using var response = await http.GetAsync(ImagePath(server), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task NotJpeg_answers_200_with_an_html_page()
    {
        await using var server = await StartAsync(CameraFault.NotJpeg);
        using var http = SimulatorHttp.CreateClient(server);

        using var response = await http.GetAsync(ImagePath(server), Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(0xFF, body[0]);
        Assert.Throws<InvalidDataException>(() => JpegStructure.Parse(body));
    }

    [Fact]
    public async Task Truncated_announces_the_full_length_then_cuts_the_connection()
    {
        await using var server = await StartAsync(CameraFault.Truncated);
        using var http = SimulatorHttp.CreateClient(server);
        var full = server.GetCurrentImage(server.Cameras[0].Id);

        using var response = await http.GetAsync(ImagePath(server), HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(full.Length, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);

        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null, Ct));
    }

    [Fact]
    public async Task Timeout_holds_the_request_until_the_client_gives_up_and_then_serves_again()
    {
        await using var server = await StartAsync(new ForcedCameraFault(CameraFault.Timeout, Times: 1));
        using var impatient = SimulatorHttp.CreateClient(server, TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.GetAsync(ImagePath(server), Ct));
        using var response = await impatient.GetAsync(ImagePath(server), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.GetImageRequestCount(server.Cameras[0].Id));
    }

    [Fact]
    public async Task A_held_request_is_released_when_the_server_stops()
    {
        var server = await StartAsync(CameraFault.Timeout);
        using var http = SimulatorHttp.CreateClient(server, Timeout.InfiniteTimeSpan);
        var held = http.GetAsync(ImagePath(server), Ct);
        await server.WaitForImageRequestsAsync(server.Cameras[0].Id, 1, Ct);

        var stopwatch = Stopwatch.StartNew();
        await server.DisposeAsync();

        // Kestrel would wait its 5 s shutdown timeout for a request that kept holding.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"stopping took {stopwatch.Elapsed}");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => held.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task A_held_request_gets_504_after_MaxHold()
    {
        await using var server = await StartAsync(CameraFault.Timeout, o => o.MaxHold = TimeSpan.FromMilliseconds(100));
        using var http = SimulatorHttp.CreateClient(server);

        using var response = await http.GetAsync(ImagePath(server), Ct);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task SlowBody_trickles_the_whole_jpeg_over_the_configured_duration()
    {
        var duration = TimeSpan.FromMilliseconds(800);
        await using var server = await StartAsync(CameraFault.SlowBody, o => o.SlowBodyDuration = duration);
        using var http = SimulatorHttp.CreateClient(server);

        var stopwatch = Stopwatch.StartNew();
        var body = await http.GetByteArrayAsync(ImagePath(server), Ct);

        Assert.True(stopwatch.Elapsed >= duration * 0.8, $"the body came in {stopwatch.Elapsed}");
        Assert.Equal(server.GetCurrentImage(server.Cameras[0].Id), body);
    }

    [Fact]
    public async Task Latency_delays_image_answers_and_list_latency_the_camera_list()
    {
        var latency = TimeSpan.FromMilliseconds(300);
        var listLatency = TimeSpan.FromMilliseconds(200);
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 1, Latency = latency, ListLatency = listLatency }, cancellationToken: Ct);
        using var http = SimulatorHttp.CreateClient(server);

        var stopwatch = Stopwatch.StartNew();
        await http.GetByteArrayAsync("api/cameras", Ct);
        var list = stopwatch.Elapsed;
        stopwatch.Restart();
        await http.GetByteArrayAsync(ImagePath(server), Ct);
        var image = stopwatch.Elapsed;

        Assert.True(list >= listLatency * 0.9, $"the list came in {list}");
        Assert.True(image >= latency * 0.9, $"the image came in {image}");
    }

    [Fact]
    public async Task A_fault_rate_hits_the_same_requests_for_the_same_seed()
    {
        var first = await StatusSequenceAsync(seed: 3);
        var again = await StatusSequenceAsync(seed: 3);

        Assert.Equal(first, again);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
    }

    [Fact]
    public async Task A_fault_rate_of_one_faults_every_request_and_zero_none()
    {
        Assert.All(await StatusSequenceAsync(seed: 1, rate: 1), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.All(await StatusSequenceAsync(seed: 1, rate: 0), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task A_forced_fault_lasts_the_given_number_of_requests()
    {
        await using var server = await StartAsync(new ForcedCameraFault(CameraFault.ServerError, Times: 2));
        using var http = SimulatorHttp.CreateClient(server);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(ImagePath(server), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    private static Task<CameraSimulatorServer> StartAsync(CameraFault fault, Action<CameraSimulatorOptions>? configure = null) =>
        StartAsync(new ForcedCameraFault(fault), configure);

    private static Task<CameraSimulatorServer> StartAsync(ForcedCameraFault fault, Action<CameraSimulatorOptions>? configure = null)
    {
        var options = new CameraSimulatorOptions { Cameras = 2 };
        options.ForcedFaults[0] = fault;
        configure?.Invoke(options);
        return CameraSimulatorServer.StartAsync(options, cancellationToken: Ct);
    }

    private static string ImagePath(CameraSimulatorServer server) => $"api/cameras/{server.Cameras[0].Id}/image";

    private static async Task<List<HttpStatusCode>> StatusSequenceAsync(int seed, double rate = 0.5)
    {
        var options = new CameraSimulatorOptions { Cameras = 3, Seed = seed, FaultRate = rate, FaultKinds = [CameraFault.ServerError] };
        await using var server = await CameraSimulatorServer.StartAsync(options, cancellationToken: Ct);
        using var http = SimulatorHttp.CreateClient(server);
        var statuses = new List<HttpStatusCode>();
        foreach (var camera in server.Cameras)
        {
            for (var i = 0; i < 10; i++)
            {
                using var response = await http.GetAsync($"api/cameras/{camera.Id}/image", Ct);
                statuses.Add(response.StatusCode);
            }
        }

        return statuses;
    }
}
