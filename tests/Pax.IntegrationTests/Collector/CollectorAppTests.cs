using System.Text.Json;
using Pax.CameraSimulator;
using Pax.Collection.Hosting;

namespace Pax.IntegrationTests.Collector;

public sealed class CollectorAppTests : IAsyncLifetime
{
    private const string Slot = "2026-02-10T14:30:00Z";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pax-collector-" + Guid.NewGuid().ToString("N"));
    private CameraSimulatorServer _simulator = null!;

    private string SlotFolder => Path.Combine(_root, "2026-02-10", "1430");

    public async ValueTask InitializeAsync() =>
        _simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 100, Seed = 11 }, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string[] Args(params string[] extra) => ["--camera-api", _simulator.BaseAddress.ToString(), "--sink", _root, "--slot", Slot, .. extra];

    private JsonElement Report()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SlotFolder, "report.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Collects_the_purple_corridor_by_default_and_writes_images_and_reports()
    {
        var run = new CollectorRun();

        Assert.Equal(CollectorExitCodes.Success, await run.RunAsync(Args()));

        Assert.Equal(CameraSimulatorOptions.CorridorCameras, Directory.GetFiles(SlotFolder, "*.jpg").Length);
        var report = Report();
        Assert.Equal("area purple-corridor", report.GetProperty("selection").GetString());
        Assert.Equal(CameraSimulatorOptions.CorridorCameras, report.GetProperty("counts").GetProperty("stored").GetInt32());
        Assert.True(File.Exists(Path.Combine(SlotFolder, "report.html")));
        var corridorIds = _simulator.Cameras.Take(CameraSimulatorOptions.CorridorCameras).Select(c => c.Id + ".jpg").Order(StringComparer.Ordinal);
        Assert.Equal(corridorIds, Directory.GetFiles(SlotFolder, "*.jpg").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Logs_are_json_lines_shaped_for_cloud_logging_when_not_on_a_terminal()
    {
        var run = new CollectorRun();

        await run.RunAsync(Args());

        var lines = run.LogLines.ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.False(string.IsNullOrEmpty(line.GetProperty("severity").GetString()));
            Assert.False(string.IsNullOrEmpty(line.GetProperty("message").GetString()));
        });
        Assert.Contains(lines, line => line.GetProperty("message").GetString()!.Contains("82 stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Faulty_cameras_get_their_own_outcome_and_the_others_are_stored()
    {
        var ids = _simulator.Cameras.Take(CameraSimulatorOptions.CorridorCameras).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        _simulator.ForceFault(ids[0], CameraFault.ServerError);
        _simulator.ForceFault(ids[1], CameraFault.Truncated);
        _simulator.ForceFault(ids[2], CameraFault.NotJpeg);
        _simulator.ForceFault(ids[3], CameraFault.Timeout);
        var run = new CollectorRun();

        Assert.Equal(CollectorExitCodes.Success, await run.RunAsync(Args()));

        var outcomes = Report().GetProperty("cameras").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c);
        Assert.Equal("failed", outcomes[ids[0]].GetProperty("outcome").GetString());
        Assert.Contains("503", outcomes[ids[0]].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", outcomes[ids[1]].GetProperty("outcome").GetString());
        Assert.Equal("invalid", outcomes[ids[2]].GetProperty("outcome").GetString());
        Assert.Equal("timed_out", outcomes[ids[3]].GetProperty("outcome").GetString());
        Assert.Equal(CameraSimulatorOptions.CorridorCameras - 4, Directory.GetFiles(SlotFolder, "*.jpg").Length);
    }

    [Fact]
    public async Task A_rerun_after_failures_stores_exactly_the_missing_snapshots_and_rewrites_nothing()
    {
        var ids = _simulator.Cameras.Take(CameraSimulatorOptions.CorridorCameras).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids.Take(12))
        {
            _simulator.ForceFault(id, CameraFault.ServerError, times: 3);
        }

        Assert.Equal(CollectorExitCodes.UnderFloor, await new CollectorRun().RunAsync(Args()));
        var firstFiles = Directory.GetFiles(SlotFolder, "*.jpg").ToDictionary(f => Path.GetFileName(f), f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));
        Assert.Equal(CameraSimulatorOptions.CorridorCameras - 12, firstFiles.Count);

        Assert.Equal(CollectorExitCodes.Success, await new CollectorRun().RunAsync(Args()));

        var report = Report();
        Assert.Equal(12, report.GetProperty("counts").GetProperty("stored").GetInt32());
        Assert.Equal(CameraSimulatorOptions.CorridorCameras - 12, report.GetProperty("counts").GetProperty("already_stored").GetInt32());
        foreach (var (name, (bytes, written)) in firstFiles)
        {
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(SlotFolder, name)));
            Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(SlotFolder, name)));
        }

        Assert.All(ids.Skip(12), id => Assert.Equal(1, _simulator.GetImageRequestCount(id)));
    }

    [Theory]
    [InlineData(CameraListFault.Down)]
    [InlineData(CameraListFault.MalformedJson)]
    [InlineData(CameraListFault.NotAnArray)]
    [InlineData(CameraListFault.Empty)]
    public async Task A_broken_camera_list_fails_with_a_clear_error_and_writes_nothing(CameraListFault fault)
    {
        await using var broken = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 10, CameraListFault = fault }, cancellationToken: TestContext.Current.CancellationToken);
        var run = new CollectorRun();

        var exit = await run.RunAsync("--camera-api", broken.BaseAddress.ToString(), "--sink", _root, "--slot", Slot);

        Assert.Equal(CollectorExitCodes.Failed, exit);
        Assert.StartsWith("error: ", run.Error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public async Task Tasks_of_a_job_execution_split_the_cameras_between_them()
    {
        var stored = new List<string>();
        for (var index = 0; index < 3; index++)
        {
            var run = new CollectorRun();
            run.Variables["CLOUD_RUN_TASK_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            run.Variables["CLOUD_RUN_TASK_COUNT"] = "3";
            Assert.Equal(CollectorExitCodes.Success, await run.RunAsync(Args()));
            using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SlotFolder, $"report-task-{index}.json")));
            stored.AddRange(report.RootElement.GetProperty("cameras").EnumerateArray().Where(c => c.GetProperty("outcome").GetString() == "stored").Select(c => c.GetProperty("id").GetString()!));
        }

        Assert.Equal(CameraSimulatorOptions.CorridorCameras, stored.Count);
        Assert.Equal(CameraSimulatorOptions.CorridorCameras, stored.Distinct().Count());
    }

    [Fact]
    public async Task A_manifest_written_from_an_area_is_collected_again_and_missing_cameras_are_reported()
    {
        var manifest = Path.Combine(_root, "manifest.json");
        Directory.CreateDirectory(_root);
        Assert.Equal(CollectorExitCodes.Success, await new CollectorRun().RunAsync(Args("--write-manifest", manifest)));
        var json = await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(CameraSimulatorOptions.CorridorCameras, document.RootElement.GetProperty("cameras").GetArrayLength());
        var withGhost = json.Replace(_simulator.Cameras[0].Id, "00000000-0000-0000-0000-00000000dead", StringComparison.Ordinal);
        await File.WriteAllTextAsync(manifest, withGhost, TestContext.Current.CancellationToken);

        Assert.Equal(CollectorExitCodes.Success, await new CollectorRun().RunAsync(Args("--manifest", manifest)));

        var counts = Report().GetProperty("counts");
        Assert.Equal(CameraSimulatorOptions.CorridorCameras - 1, counts.GetProperty("stored").GetInt32());
        Assert.Equal(1, counts.GetProperty("missing_from_api").GetInt32());
    }

    [Fact]
    public async Task Environment_variables_configure_the_run_and_flags_win()
    {
        var run = new CollectorRun();
        run.Variables["PAX_CAMERA_API"] = _simulator.BaseAddress.ToString();
        run.Variables["PAX_SINK"] = Path.Combine(_root, "from-env");
        run.Variables["PAX_SLOT"] = Slot;
        run.Variables["PAX_ALL"] = "true";

        Assert.Equal(CollectorExitCodes.Success, await run.RunAsync("--sink", Path.Combine(_root, "from-flag")));

        Assert.False(Directory.Exists(Path.Combine(_root, "from-env")));
        Assert.Equal(100, Directory.GetFiles(Path.Combine(_root, "from-flag", "2026-02-10", "1430"), "*.jpg").Length);
    }

    [Theory]
    [InlineData("--area", "purple-corridor", "--all")]
    [InlineData("--concurrency", "0")]
    [InlineData("--slot", "yesterday")]
    [InlineData("--sink", "gs://NOT_A_BUCKET")]
    [InlineData("--area", "atlantis")]
    [InlineData("--manifest", "/nonexistent/manifest.json")]
    [InlineData("--unknown-flag")]
    public async Task Bad_settings_fail_with_exit_code_2_and_a_message(params string[] args)
    {
        var run = new CollectorRun();

        Assert.Equal(CollectorExitCodes.Failed, await run.RunAsync(["--camera-api", _simulator.BaseAddress.ToString(), .. args]));

        Assert.NotEmpty(run.Error.ToString());
        Assert.False(Directory.Exists(_root));
    }
}
