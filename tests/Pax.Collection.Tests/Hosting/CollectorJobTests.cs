using Microsoft.Extensions.Options;
using Pax.Collection.CloudRun;
using Pax.Collection.Hosting;
using Pax.Collection.Selection;
using Pax.Collection.Tests.Runs;

namespace Pax.Collection.Tests.Hosting;

public sealed class CollectorJobTests : IDisposable
{
    private readonly RunnerHarness _harness = new();

    public CollectorJobTests()
    {
        _harness.Source.Add("cam-1");
        _harness.Source.Add("cam-2");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _harness.Dispose();

    private CollectorJob Job(CollectorJobOptions options) =>
        new(_harness.CreateRunner(), _harness.Source, Options.Create(options), _harness.Time);

    [Fact]
    public async Task Without_a_selection_the_purple_corridor_is_collected()
    {
        var selection = await Job(new CollectorJobOptions()).GetSelectionAsync(Ct);

        Assert.Equal(CameraAreas.PurpleCorridorName, selection.Area?.Name);
    }

    [Fact]
    public async Task All_selects_every_online_camera()
    {
        Assert.Equal(CameraSelection.AllOnline, await Job(new CollectorJobOptions { All = true }).GetSelectionAsync(Ct));
    }

    [Fact]
    public async Task Collect_runs_the_slot_of_the_options_for_the_task()
    {
        var report = await Job(new CollectorJobOptions { Slot = RunnerHarness.Now.AddHours(-1) }).CollectAsync(CloudRunTaskInfo.Single, progress: null, Ct);

        Assert.Equal(new DateTimeOffset(2026, 2, 10, 13, 30, 0, TimeSpan.Zero), report.Slot);
        Assert.Equal(CollectorExitCodes.Success, CollectorExitCodes.ForReport(report));
        Assert.True(File.Exists(Path.Combine(_harness.Root, "2026-02-10", "1330", "report.json")));
    }

    [Fact]
    public async Task Write_manifest_saves_the_selected_cameras_and_collects_nothing()
    {
        var path = Path.Combine(_harness.Root, "manifest.json");
        Directory.CreateDirectory(_harness.Root);

        var manifest = await Job(new CollectorJobOptions { All = true }).WriteManifestAsync(path, Ct);

        Assert.Equal(manifest.Cameras.Count, (await CameraManifest.LoadAsync(path, Ct)).Cameras.Count);
        Assert.NotEmpty(manifest.Cameras);
        Assert.False(Directory.Exists(_harness.SlotFolder));
    }
}
