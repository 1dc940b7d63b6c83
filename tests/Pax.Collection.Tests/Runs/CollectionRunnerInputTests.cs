using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collection.Sinks;
using Pax.Collection.Tests.Sinks;

namespace Pax.Collection.Tests.Runs;

/// <summary>Bad camera lists and manifests: rejected ids are reported apart and never count against the run.</summary>
public sealed class CollectionRunnerInputTests : IDisposable
{
    private readonly RunnerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invalid_and_duplicate_ids_are_rejected_apart_and_do_not_count_as_eligible()
    {
        _harness.Source.Add("cam-a");
        _harness.Source.Add("cam-b");
        _harness.Source.Add("../escape");
        _harness.Source.Add("bad id");
        _harness.Source.Add("cam-a");
        _harness.Options.MinStoredRatio = 1.0;

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.Equal(2, report.Eligible);
        Assert.Equal(1.0, report.StoredRatio);
        Assert.True(report.Succeeded);
        Assert.Equal(3, report.Count(CameraOutcomeKind.Rejected));
        Assert.Equal(0, report.Count(CameraOutcomeKind.Invalid));
        Assert.Contains(report.Cameras, c => c.CameraId == "cam-a" && c.Outcome == CameraOutcomeKind.Rejected && c.Reason!.Contains("more than once", StringComparison.Ordinal));
        var json = _harness.ReadReport();
        Assert.Equal(3, json.GetProperty("counts").GetProperty("rejected").GetInt32());
        Assert.Equal(2, json.GetProperty("eligible").GetInt32());
        Assert.True(json.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task A_manifest_with_a_repeated_id_is_collected_once_and_the_repeat_is_rejected()
    {
        _harness.Source.Add("cam-a");
        var manifest = new CameraManifest([.. _harness.Source.Cameras, .. _harness.Source.Cameras]);
        _harness.Options.MinStoredRatio = 1.0;

        var report = await _harness.CreateRunner().RunAsync(new CollectionRequest { Selection = CameraSelection.ForManifest(manifest), Task = Pax.Collection.CloudRun.CloudRunTaskInfo.Single }, Ct);

        Assert.True(report.Succeeded);
        Assert.Equal(1, report.Count(CameraOutcomeKind.Stored));
        Assert.Equal(1, report.Count(CameraOutcomeKind.Rejected));
        Assert.Equal(["cam-a"], _harness.Source.Fetched);
    }

    [Fact]
    public async Task Ids_differing_only_in_case_are_collected_as_two_cameras()
    {
        var lower = _harness.Source.Add("cam-a");
        var upper = _harness.Source.Add("CAM-A");
        _harness.Source.Behaviours["CAM-A"] = (c, _) => Task.FromResult(new CameraImage(c.Id, FakeCameraSource.Jpeg("upper"), "image/jpeg", _harness.Time.GetUtcNow(), 1));

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.Equal(2, report.Count(CameraOutcomeKind.Stored));
        Assert.Equal([upper.Id, lower.Id], report.Cameras.Select(c => c.CameraId));
        Assert.Equal(FakeCameraSource.Jpeg("upper"), await File.ReadAllBytesAsync(Path.Combine(_harness.SlotFolder, "CAM-A.jpg"), Ct));
        Assert.Equal(FakeCameraSource.Jpeg("cam-a"), await File.ReadAllBytesAsync(Path.Combine(_harness.SlotFolder, "cam-a.jpg"), Ct));
    }

    [Fact]
    public async Task On_a_case_insensitive_folder_the_second_of_two_ids_differing_in_case_fails_and_is_never_reported_stored()
    {
        _harness.Source.Add("cam-a");
        _harness.Source.Add("CAM-A");
        _harness.Sink = new FileSystemSink(_harness.Root, _harness.Time, new CaseInsensitiveFileSystem());
        _harness.Options.MinStoredRatio = 0.5;

        var first = await _harness.RunAsync(cancellationToken: Ct);
        var second = await _harness.RunAsync(cancellationToken: Ct);

        foreach (var report in new[] { first, second })
        {
            Assert.Equal(1, report.Count(CameraOutcomeKind.Stored) + report.Count(CameraOutcomeKind.AlreadyStored));
            var refused = Assert.Single(report.Cameras, c => c.Outcome == CameraOutcomeKind.Failed);
            Assert.Contains("letter case", refused.Reason, StringComparison.Ordinal);
        }

        Assert.Single(Directory.GetFiles(_harness.SlotFolder, "*.jpg"));
    }
}
