using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.CameraSimulator;
using Pax.Collection.Cameras;
using Pax.Collection.Sinks;
using Pax.Collection.Hosting;

namespace Pax.IntegrationTests.Collector;

/// <summary>The collector attacked as an outsider would: mistyped flags, wrong files, secrets in URLs, Ctrl+C.</summary>
public sealed class CollectorInputTests : IAsyncLifetime
{
    private const string Slot = "2026-02-10T14:30:00Z";
    private const string Password = "s3cret-pa55";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pax-collector-input-" + Guid.NewGuid().ToString("N"));
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

    private static List<string> Lines(StringWriter writer) => [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("s3://bucket/prefix")]
    [InlineData("gs:/bucket")]
    public async Task A_sink_with_an_unknown_or_mistyped_scheme_is_an_error_not_a_folder(string sink)
    {
        var run = new CollectorRun();

        var exit = await run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", sink, "--slot", Slot);

        Assert.Equal(CollectorExitCodes.Failed, exit);
        var lines = Lines(run.Error);
        Assert.StartsWith("error: --sink: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(sink, lines[0], StringComparison.Ordinal);
        Assert.Contains("--help", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(sink.Split('/')[0]), "no folder is made of the scheme");
        Assert.Equal(0, _simulator.GetImageRequestCount(_simulator.Cameras[0].Id));
    }

    [Fact]
    public async Task On_Cloud_Run_a_settings_mistake_is_one_critical_log_entry_and_nothing_on_stderr()
    {
        var run = new CollectorRun();
        run.Variables["CLOUD_RUN_JOB"] = "pax-collector-prod";
        run.Variables["PAX_CONCURRENCY"] = "0";

        var exit = await run.RunAsync("--camera-api", _simulator.BaseAddress.ToString(), "--sink", _root, "--slot", Slot);

        Assert.Equal(CollectorExitCodes.Failed, exit);
        Assert.Empty(run.Error.ToString());
        var entry = Assert.Single(run.LogLines);
        Assert.Equal("CRITICAL", entry.GetProperty("severity").GetString());
        Assert.StartsWith("--concurrency '0' is not a positive whole number", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(entry.TryGetProperty("stack_trace", out _));
        Assert.Equal("pax-collector-prod", entry.GetProperty("serviceContext").GetProperty("service").GetString());
    }

    [Theory]
    [InlineData("--unknown-flag")]
    [InlineData("--concurrency")]
    [InlineData("--slot", "2026-02-10", "extra-argument")]
    public async Task Parse_errors_say_error_and_point_to_help(params string[] args)
    {
        var run = new CollectorRun();

        Assert.Equal(CollectorExitCodes.Failed, await run.RunAsync(args));

        var lines = Lines(run.Error);
        Assert.All(lines[..^1], line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
        Assert.Contains("--help", lines[^1], StringComparison.Ordinal);
        Assert.Empty(run.Output.ToString());
    }

    [Theory]
    [InlineData(false, "--concurrency", "0")]
    [InlineData(false, "--slot", "yesterday")]
    [InlineData(false, "--min-stored-ratio", "2")]
    [InlineData(false, "--area", "purple-corridor", "--all")]
    [InlineData(false, "--area", "atlantis")]
    [InlineData(false, "--manifest", "/nonexistent/manifest.json")]
    [InlineData(false, "--completion-topic", "not-a-topic")]
    [InlineData(true, "--area", "atlantis")]
    [InlineData(true, "--manifest", "/nonexistent/manifest.json")]
    [InlineData(true, "--completion-topic", "not-a-topic")]
    public async Task User_mistakes_print_only_the_error_line_and_no_stack_trace(bool terminal, params string[] args)
    {
        var run = new CollectorRun { IsTerminal = terminal };

        Assert.Equal(CollectorExitCodes.Failed, await run.RunAsync(Args(args)));

        var lines = Lines(run.Error);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Count == 1 || (lines.Count == 2 && lines[1].Contains("--help", StringComparison.Ordinal)), run.Error.ToString());
        Assert.DoesNotContain(" at Pax.", run.Error.ToString() + run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error.ToString() + run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public async Task An_endless_manifest_file_fails_at_once_with_a_clear_error()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero (Linux, macOS)");
        var run = new CollectorRun();

        Assert.Equal(CollectorExitCodes.Failed, await run.RunAsync(Args("--manifest", "/dev/zero")));

        var error = Assert.Single(Lines(run.Error));
        Assert.Equal("error: Camera manifest '/dev/zero': the file is larger than 16 MiB, which no camera manifest is; check the path", error);
    }

    [Fact]
    public async Task A_password_in_the_camera_api_url_is_never_printed_or_logged()
    {
        await using var down = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 5, CameraListFault = CameraListFault.Down }, cancellationToken: TestContext.Current.CancellationToken);
        var withPassword = new UriBuilder(down.BaseAddress) { UserName = "operator", Password = Password }.Uri.ToString();
        var runs = new[] { new CollectorRun(), new CollectorRun { IsTerminal = true }, new CollectorRun() };

        await runs[0].RunAsync("--camera-api", withPassword, "--sink", _root, "--slot", Slot);
        await runs[1].RunAsync("--camera-api", withPassword, "--sink", _root, "--slot", Slot);
        await runs[2].RunAsync("--camera-api", $"ftp://operator:{Password}@example.com/", "--sink", _root);

        Assert.All(runs, run =>
        {
            Assert.Equal(CollectorExitCodes.Failed, run.ExitCode);
            Assert.StartsWith("error: ", run.Error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Password, run.Error.ToString() + run.Output, StringComparison.Ordinal);
        });
        Assert.Contains("operator:***@", runs[0].Error.ToString(), StringComparison.Ordinal);
        Assert.Contains(runs[0].LogLines, line => line.GetProperty("message").GetString()!.Contains("operator:***@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_manifest_entries_are_reported_rejected_and_do_not_fail_the_ratio()
    {
        var manifest = Path.Combine(_root, "manifest.json");
        Directory.CreateDirectory(_root);
        Assert.Equal(CollectorExitCodes.Success, await new CollectorRun().RunAsync(Args("--write-manifest", manifest)));
        var document = JsonDocument.Parse(await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken));
        var cameras = document.RootElement.GetProperty("cameras").EnumerateArray().Select(c => c.GetRawText()).ToList();
        var repeated = string.Join(",", cameras.Concat(cameras.Take(3)));
        await File.WriteAllTextAsync(manifest, $$"""{"cameras":[{{repeated}}]}""", TestContext.Current.CancellationToken);

        Assert.Equal(CollectorExitCodes.Success, await new CollectorRun().RunAsync(Args("--manifest", manifest, "--min-stored-ratio", "1")));

        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(SlotFolder, "report.json"), TestContext.Current.CancellationToken));
        Assert.Equal(3, report.RootElement.GetProperty("counts").GetProperty("rejected").GetInt32());
        Assert.Equal(CameraSimulatorOptions.CorridorCameras, report.RootElement.GetProperty("eligible").GetInt32());
        Assert.True(report.RootElement.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Ctrl_C_writes_the_report_of_what_was_done_and_exits_130()
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = new CollectorRun
        {
            Cancellation = interrupt.Token,
            ConfigureServices = services => services.AddTransient<ICameraSource>(sp => new CancellingCameraSource(sp.GetRequiredService<NyctmcCameraClient>(), interrupt, afterImages: 10)),
        };

        Assert.Equal(CollectorExitCodes.Cancelled, await run.RunAsync(Args("--concurrency", "2")));

        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(SlotFolder, "report.json"), TestContext.Current.CancellationToken));
        var counts = report.RootElement.GetProperty("counts");
        Assert.True(counts.GetProperty("cancelled").GetInt32() > 0);
        Assert.Equal(Directory.GetFiles(SlotFolder, "*.jpg").Length, counts.GetProperty("stored").GetInt32());
        Assert.False(report.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Contains(run.LogLines, line => line.GetProperty("message").GetString()!.Contains("cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_disk_stops_the_run_with_one_clear_error_and_exit_code_2()
    {
        var run = new CollectorRun
        {
            ConfigureServices = services => services.AddTransient<ISnapshotSink>(_ => new FullDiskSink(new FileSystemSink(_root), allowedWrites: 5)),
        };

        Assert.Equal(CollectorExitCodes.Failed, await run.RunAsync(Args("--concurrency", "2")));

        var error = Assert.Single(Lines(run.Error));
        Assert.StartsWith($"error: The sink {_root} is out of space (No space left on device", error, StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(SlotFolder, "*.jpg").Length);
        Assert.Single(run.LogLines, line => line.GetProperty("severity").GetString() == "CRITICAL");
        Assert.DoesNotContain(run.LogLines, line => line.GetProperty("message").GetString()!.Contains(" at Pax.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rerun_removes_the_hidden_temporary_files_a_killed_run_left_in_its_slot()
    {
        Directory.CreateDirectory(SlotFolder);
        var leftover = Path.Combine(SlotFolder, $".{_simulator.Cameras[0].Id}.jpg.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(leftover, new byte[100], TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(leftover, File.GetLastWriteTimeUtc(leftover).AddMinutes(-10));
        var userFile = Path.Combine(SlotFolder, ".notes.tmp");
        await File.WriteAllTextAsync(userFile, "mine", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(userFile, File.GetLastWriteTimeUtc(userFile).AddDays(-1));

        Assert.Equal(CollectorExitCodes.Success, await new CollectorRun().RunAsync(Args()));

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(userFile));
        Assert.Equal(CameraSimulatorOptions.CorridorCameras, Directory.GetFiles(SlotFolder, "*.jpg").Length);
    }
}
