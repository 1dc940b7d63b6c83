using Microsoft.Extensions.Time.Testing;
using Pax.Collection.Cameras;
using Pax.Collection.Selection;

namespace Pax.Collection.Tests.Selection;

public sealed class CameraManifestTests : IDisposable
{
    // The shape the seed system wrote (isOnline as a string, Python's isoformat without an offset).
    private const string LegacyManifest = """
        {
          "metadata": {
            "total_cameras": 2,
            "corridor": {
              "boundary": "34th-66th St, 3rd-9th/Amsterdam",
              "corners": {"NW": [-73.981573, 40.773602], "NE": [-73.963402, 40.765911], "SE": [-73.978124, 40.745727], "SW": [-73.996303, 40.753389]}
            },
            "generated_at": "2025-03-14T09:26:53.589793"
          },
          "cameras": [
            {"number": 1, "id": "053e8995-f8cb-4d02-a659-70ac7c7da5db", "name": "5 Ave @ 42 St", "latitude": 40.7532, "longitude": -73.9809, "area": "Manhattan", "isOnline": "true"},
            {"number": 2, "id": "1d3b7f34-2f1c-4b55-9d58-5c1e1f0f7c11", "name": "Lexington Ave @ 57 St", "latitude": "40.7613", "longitude": "-73.9693", "area": "Manhattan", "isOnline": "true"}
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pax-manifest-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Reads_the_seed_systems_manifest_format()
    {
        var path = Path.Combine(_folder, "camera_manifest.json");
        await File.WriteAllTextAsync(path, LegacyManifest, Ct);

        var manifest = await CameraManifest.LoadAsync(path, Ct);

        Assert.Equal(
            [
                new Camera("053e8995-f8cb-4d02-a659-70ac7c7da5db", "5 Ave @ 42 St", 40.7532, -73.9809, "Manhattan", true) { Number = 1 },
                new Camera("1d3b7f34-2f1c-4b55-9d58-5c1e1f0f7c11", "Lexington Ave @ 57 St", 40.7613, -73.9693, "Manhattan", true) { Number = 2 },
            ],
            manifest.Cameras);
        Assert.Equal("34th-66th St, 3rd-9th/Amsterdam", manifest.Boundary);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(5897930), manifest.GeneratedAt);
        Assert.Null(manifest.AreaName);
    }

    [Fact]
    public async Task A_written_manifest_reads_back_the_same_and_keeps_the_seed_fields()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var api = new[]
        {
            new Camera("b-cam", "Park Ave @ 57 St", 40.7625, -73.9710, "Manhattan", true),
            new Camera("a-cam", "5 Ave @ 42 St", 40.7532, -73.9809, "Manhattan", true),
            new Camera("c-off", "Lexington Ave @ 50 St", 40.7560, -73.9720, "Manhattan", false),
        };
        var written = CameraSelector.CreateManifest(api, CameraAreas.PurpleCorridor, time, includeOffline: true, source: "test");
        var path = Path.Combine(_folder, "manifest.json");

        await written.SaveAsync(path, Ct);
        var read = await CameraManifest.LoadAsync(path, Ct);

        Assert.Equal(written.Cameras, read.Cameras);
        Assert.Equal("purple-corridor", read.AreaName);
        Assert.Equal(written.Boundary, read.Boundary);
        Assert.Equal(time.GetUtcNow(), read.GeneratedAt);
        Assert.Equal("test", read.Source);
        var json = await File.ReadAllTextAsync(path, Ct);
        Assert.Contains("\"total_cameras\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"isOnline\": \"false\"", json, StringComparison.Ordinal);
        Assert.Contains("\"generated_at\": \"2026-11-23T10:00:00.000Z\"", json, StringComparison.Ordinal);
        Assert.Equal(["manifest.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_missing_file_fails_naming_the_file()
    {
        var path = Path.Combine(_folder, "absent.json");

        var ex = await Assert.ThrowsAsync<CameraManifestException>(() => CameraManifest.LoadAsync(path, Ct));

        Assert.Equal(path, ex.ManifestPath);
        Assert.Equal($"Camera manifest '{path}': the file does not exist", ex.Message);
    }

    [Theory]
    [InlineData("{\"cameras\": [", "the file is not a valid manifest")]
    [InlineData("{\"metadata\": {}}", "the file has no \"cameras\" array")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"cameras\": [{\"id\": \"a\", \"latitude\": 1, \"longitude\": 2}, {\"name\": \"no id\"}]}", "cameras[1] has no \"id\"")]
    [InlineData("{\"cameras\": [{\"id\": \"a\", \"longitude\": 2}]}", "cameras[0] (id a) has no valid \"latitude\"")]
    [InlineData("{\"cameras\": [{\"id\": \"a\", \"latitude\": 1, \"longitude\": 2, \"isOnline\": \"yes\"}]}", "'yes' is not \"true\" or \"false\"")]
    public async Task An_invalid_manifest_fails_naming_the_file_and_the_problem(string json, string problem)
    {
        var path = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(path, json, Ct);

        var ex = await Assert.ThrowsAsync<CameraManifestException>(() => CameraManifest.LoadAsync(path, Ct));

        Assert.StartsWith($"Camera manifest '{path}': ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_bound_is_refused_before_it_is_parsed()
    {
        // A valid manifest padded with whitespace past the bound: refused for its size, not read whole.
        var path = Path.Combine(_folder, "huge.json");
        var padding = new string(' ', CameraManifest.MaxFileBytes);
        await File.WriteAllTextAsync(path, padding + LegacyManifest, Ct);

        var error = await Assert.ThrowsAsync<CameraManifestException>(() => CameraManifest.LoadAsync(path, Ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("larger than 16 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_device_is_refused_once_the_bound_is_read()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero (Linux, macOS)");

        var error = await Assert.ThrowsAsync<CameraManifestException>(() => CameraManifest.LoadAsync("/dev/zero", Ct));

        Assert.Contains("larger than 16 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reads_text_and_names_the_source_in_errors()
    {
        var manifest = CameraManifest.Parse("""{"cameras":[{"id":"a","latitude":40.7,"longitude":-73.9}]}""");
        Assert.True(Assert.Single(manifest.Cameras).IsOnline);

        var ex = Assert.Throws<CameraManifestException>(() => CameraManifest.Parse("[]", "inline"));
        Assert.StartsWith("Camera manifest 'inline': ", ex.Message, StringComparison.Ordinal);
    }
}
