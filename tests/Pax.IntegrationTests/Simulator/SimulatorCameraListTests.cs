using System.Net;
using System.Text.Json;
using Pax.CameraSimulator;
using Pax.Collection.Selection;

namespace Pax.IntegrationTests.Simulator;

public sealed class SimulatorCameraListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_seed_serves_the_same_list_and_another_seed_a_different_one()
    {
        await using var first = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Seed = 7, OfflineCameras = 5 }, cancellationToken: Ct);
        await using var second = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Seed = 7, OfflineCameras = 5 }, cancellationToken: Ct);
        await using var other = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Seed = 8, OfflineCameras = 5 }, cancellationToken: Ct);

        Assert.Equal(first.Cameras.Select(c => c with { ImageUrl = null }), second.Cameras.Select(c => c with { ImageUrl = null }));
        Assert.Empty(first.Cameras.Select(c => c.Id).Intersect(other.Cameras.Select(c => c.Id)));
    }

    [Fact]
    public async Task The_first_82_cameras_are_in_the_purple_corridor_and_the_rest_outside()
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 100 }, cancellationToken: Ct);

        Assert.Equal(100, server.Cameras.Count);
        Assert.All(server.Cameras.Take(82), c => Assert.True(CameraAreas.PurpleCorridor.Contains(c), $"{c.Name} is outside"));
        Assert.All(server.Cameras.Skip(82), c => Assert.False(CameraAreas.PurpleCorridor.Contains(c), $"{c.Name} is inside"));
        Assert.Equal(82, CameraSelector.Select(server.Cameras, CameraSelection.ForArea("purple-corridor")).Selected.Count);
        Assert.All(server.Cameras, c =>
        {
            Assert.True(Guid.TryParseExact(c.Id, "D", out _), c.Id);
            Assert.Equal(c.Id.ToLowerInvariant(), c.Id);
            Assert.Matches(@"^[\w .]+ @ [\w .]+$", c.Name);
        });
        Assert.Equal(100, server.Cameras.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Fewer_cameras_than_the_corridor_holds_are_all_in_it()
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 10 }, cancellationToken: Ct);

        Assert.All(server.Cameras, c => Assert.True(CameraAreas.PurpleCorridor.Contains(c)));
    }

    [Theory]
    [InlineData("api/cameras")]
    [InlineData("api/cameras/")]
    public async Task The_list_is_a_bare_array_with_string_isOnline_and_absolute_image_urls(string path)
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 6, OfflineCameras = 2 }, cancellationToken: Ct);
        using var http = SimulatorHttp.CreateClient(server);

        using var response = await http.GetAsync(path, Ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        var elements = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(6, elements.Count);
        Assert.All(elements, e => Assert.Equal(JsonValueKind.String, e.GetProperty("isOnline").ValueKind));
        Assert.Equal(2, elements.Count(e => e.GetProperty("isOnline").GetString() == "false"));
        Assert.All(elements, e => Assert.Equal(
            new Uri(server.BaseAddress, $"api/cameras/{e.GetProperty("id").GetString()}/image").AbsoluteUri,
            e.GetProperty("imageUrl").GetString()));
        Assert.All(elements, e => Assert.Equal(JsonValueKind.Number, e.GetProperty("latitude").ValueKind));
    }

    [Theory]
    [InlineData(CameraListFault.Down)]
    [InlineData(CameraListFault.MalformedJson)]
    [InlineData(CameraListFault.Empty)]
    [InlineData(CameraListFault.NotAnArray)]
    public async Task Camera_list_faults_answer_as_promised(CameraListFault fault)
    {
        await using var server = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { CameraListFault = fault }, cancellationToken: Ct);
        using var http = SimulatorHttp.CreateClient(server);

        using var response = await http.GetAsync("api/cameras", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        switch (fault)
        {
            case CameraListFault.Down:
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                break;
            case CameraListFault.MalformedJson:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.StartsWith("[{\"id\":", body, StringComparison.Ordinal);
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
                break;
            case CameraListFault.Empty:
                Assert.Equal("[]", body);
                break;
            default:
                Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(body).RootElement.ValueKind);
                break;
        }

        Assert.Equal(1, server.CameraListRequestCount);
    }

    [Fact]
    public async Task Invalid_options_are_refused_with_the_setting_named()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 3, OfflineCameras = 2, StaleCameras = 2 }, cancellationToken: Ct));

        Assert.Contains("OfflineCameras + StaleCameras", ex.Message, StringComparison.Ordinal);
    }
}
