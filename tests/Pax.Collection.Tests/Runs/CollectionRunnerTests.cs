using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Pax.Collection.Cameras;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Runs;

public sealed class CollectionRunnerTests : IDisposable
{
    private readonly RunnerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stores_every_camera_and_writes_the_report_next_to_the_images()
    {
        foreach (var id in new[] { "cam-a", "cam-b", "cam-c" })
        {
            _harness.Source.Add(id);
        }

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.Equal(3, report.Count(CameraOutcomeKind.Stored));
        Assert.True(report.Succeeded);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 14, 30, 0, TimeSpan.Zero), report.Slot);
        Assert.Equal(FakeCameraSource.Jpeg("cam-b"), await File.ReadAllBytesAsync(Path.Combine(_harness.SlotFolder, "cam-b.jpg"), Ct));
        var json = _harness.ReadReport();
        Assert.Equal(3, json.GetProperty("counts").GetProperty("stored").GetInt32());
        Assert.Equal("stored", json.GetProperty("cameras")[0].GetProperty("outcome").GetString());
        Assert.Equal(64, json.GetProperty("cameras")[0].GetProperty("sha256").GetString()!.Length);
        Assert.Contains("cam-a.jpg", await File.ReadAllTextAsync(Path.Combine(_harness.SlotFolder, "report.html"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_of_the_slot_fetches_only_the_missing_snapshots_and_rewrites_nothing()
    {
        foreach (var id in new[] { "cam-a", "cam-b", "cam-c", "cam-d" })
        {
            _harness.Source.Add(id);
        }

        // A killed first attempt stored two snapshots and wrote no report.
        var sink = new FileSystemSink(_harness.Root);
        var slot = new DateTimeOffset(2026, 2, 10, 14, 30, 0, TimeSpan.Zero);
        var metadata = new SnapshotMetadata("x", slot, "image/jpeg", "00");
        await sink.WriteAsync(new SnapshotKey(CameraId.Create("cam-a"), slot), "earlier-a"u8.ToArray(), metadata, Ct);
        await sink.WriteAsync(new SnapshotKey(CameraId.Create("cam-c"), slot), "earlier-c"u8.ToArray(), metadata, Ct);

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.Equal(["cam-b", "cam-d"], _harness.Source.Fetched.Order(StringComparer.Ordinal));
        Assert.Equal(2, report.Count(CameraOutcomeKind.Stored));
        Assert.Equal(2, report.Count(CameraOutcomeKind.AlreadyStored));
        Assert.Equal("earlier-a", await File.ReadAllTextAsync(Path.Combine(_harness.SlotFolder, "cam-a.jpg"), Ct));
        Assert.True(report.Succeeded);

        var again = await _harness.RunAsync(cancellationToken: Ct);
        Assert.Equal(4, again.Count(CameraOutcomeKind.AlreadyStored));
        Assert.Equal(2, _harness.Source.Fetched.Count);
    }

    [Fact]
    public async Task Each_failure_is_reported_with_its_reason_and_the_others_are_stored()
    {
        _harness.Source.Add("ok-1");
        _harness.Source.Add("ok-2");
        _harness.Source.Add("server-error");
        _harness.Source.Add("slow");
        _harness.Source.Add("html");
        _harness.Source.Behaviours["server-error"] = (c, _) => throw new CameraFetchException(c.Id, CameraFetchFailure.HttpStatus, "HTTP 503 (ServiceUnavailable)", 3, HttpStatusCode.ServiceUnavailable);
        _harness.Source.Behaviours["slow"] = (c, _) => throw new CameraFetchException(c.Id, CameraFetchFailure.Timeout, "no answer within 00:00:10", 3);
        _harness.Source.Behaviours["html"] = (c, _) => Task.FromResult(new CameraImage(c.Id, new byte[4096], "text/html", _harness.Time.GetUtcNow(), 1));
        _harness.Options.MinStoredRatio = 0.3;

        var report = await _harness.RunAsync(cancellationToken: Ct);

        var byId = report.Cameras.ToDictionary(c => c.CameraId);
        Assert.Equal(CameraOutcomeKind.Failed, byId["server-error"].Outcome);
        Assert.Contains("503", byId["server-error"].Reason, StringComparison.Ordinal);
        Assert.Equal(3, byId["server-error"].Attempts);
        Assert.Equal(CameraOutcomeKind.TimedOut, byId["slow"].Outcome);
        Assert.Equal(CameraOutcomeKind.Invalid, byId["html"].Outcome);
        Assert.Contains("text/html", byId["html"].Reason, StringComparison.Ordinal);
        Assert.Equal(2, report.Count(CameraOutcomeKind.Stored));
        Assert.Equal(["ok-1.jpg", "ok-2.jpg"], Directory.GetFiles(_harness.SlotFolder, "*.jpg").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0.4, report.StoredRatio, 3);
    }

    [Fact]
    public async Task Outcomes_are_counted_in_the_pax_collection_meter()
    {
        _harness.Source.Add("ok");
        _harness.Source.Add("down", online: false);
        var runner = _harness.CreateRunner();
        using var snapshots = new MetricCollector<long>(_harness.MeterFactory, "Pax.Collection", "pax.collection.snapshots");
        using var bytes = new MetricCollector<long>(_harness.MeterFactory, "Pax.Collection", "pax.collection.bytes");

        await runner.RunAsync(new CollectionRequest { Selection = CameraSelection.ForArea("purple-corridor") }, Ct);

        var byOutcome = snapshots.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["pax.outcome"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["stored"] = 1, ["offline"] = 1 }, byOutcome);
        Assert.Equal(FakeCameraSource.Jpeg("ok").Length, bytes.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Progress_is_reported_once_per_camera_with_the_total()
    {
        for (var i = 0; i < 5; i++)
        {
            _harness.Source.Add($"cam-{i}");
        }

        var seen = new System.Collections.Concurrent.ConcurrentBag<CollectionProgress>();
        await _harness.CreateRunner().RunAsync(new CollectionRequest { Selection = CameraSelection.AllOnline, Progress = new SyncProgress(seen.Add) }, Ct);

        Assert.Equal([1, 2, 3, 4, 5], seen.Select(p => p.Completed).Order());
        Assert.All(seen, p => Assert.Equal(5, p.Total));
    }

    private sealed class SyncProgress(Action<CollectionProgress> report) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => report(value);
    }

    [Fact]
    public async Task A_run_under_the_floor_is_not_successful()
    {
        _harness.Source.Add("ok");
        _harness.Source.Add("bad");
        _harness.Source.Behaviours["bad"] = (c, _) => throw new CameraFetchException(c.Id, CameraFetchFailure.Transport, "connection refused", 3);

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.Equal(0.5, report.StoredRatio);
        Assert.False(report.Succeeded);
        Assert.False(_harness.ReadReport().GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task A_camera_whose_image_equals_its_previous_snapshot_is_reported_stale_and_not_stored()
    {
        _harness.Source.Add("frozen");
        _harness.Source.Add("live");
        await _harness.RunAsync(cancellationToken: Ct);
        _harness.Time.Advance(TimeSpan.FromMinutes(30));
        _harness.Source.Behaviours["live"] = (c, _) => Task.FromResult(new CameraImage(c.Id, FakeCameraSource.Jpeg("live, next slot"), "image/jpeg", _harness.Time.GetUtcNow(), 1));

        var report = await _harness.RunAsync(cancellationToken: Ct);

        var frozen = Assert.Single(report.Cameras, c => c.CameraId == "frozen");
        Assert.Equal(CameraOutcomeKind.Stale, frozen.Outcome);
        Assert.NotNull(frozen.Sha256);
        Assert.Equal(CameraOutcomeKind.Stored, Assert.Single(report.Cameras, c => c.CameraId == "live").Outcome);
        Assert.False(File.Exists(Path.Combine(_harness.Root, "2026-02-10", "1500", "frozen.jpg")));
        Assert.True(report.Succeeded);
    }

    [Fact]
    public async Task Offline_cameras_are_reported_and_not_fetched()
    {
        _harness.Source.Add("up");
        _harness.Source.Add("down", online: false);

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.Equal(CameraOutcomeKind.Offline, Assert.Single(report.Cameras, c => c.CameraId == "down").Outcome);
        Assert.DoesNotContain("down", _harness.Source.Fetched);
        Assert.Equal(1.0, report.StoredRatio);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("bad\u0007id")]
    public async Task Unsafe_camera_ids_never_reach_a_path(string id)
    {
        _harness.Source.Add("fine");
        _harness.Source.Cameras.Add(new Camera(id, "evil", 40.76, -73.98, "Manhattan", true));

        var report = await _harness.RunAsync(cancellationToken: Ct);

        var evil = Assert.Single(report.Cameras, c => c.CameraId == id);
        Assert.Equal(CameraOutcomeKind.Rejected, evil.Outcome);
        Assert.DoesNotContain(id, _harness.Source.Fetched);
        Assert.Equal(["fine.jpg"], Directory.GetFiles(_harness.Root, "*.jpg", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Tasks_of_one_execution_split_the_cameras_without_overlap()
    {
        for (var i = 0; i < 40; i++)
        {
            _harness.Source.Add($"cam-{i:00}");
        }

        var reports = new List<CollectionReport>();
        for (var index = 0; index < 3; index++)
        {
            reports.Add(await _harness.RunAsync(new CloudRunTaskInfo(index, 3, 0, "exec-1", "collector"), Ct));
        }

        Assert.Equal(40, reports.Sum(r => r.Count(CameraOutcomeKind.Stored)));
        Assert.Equal(40, _harness.Source.Fetched.Distinct().Count());
        Assert.Equal(40, _harness.Source.Fetched.Count);
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(File.Exists(Path.Combine(_harness.SlotFolder, $"report-task-{i}.json"))));
    }

    [Fact]
    public async Task Concurrency_is_bounded()
    {
        for (var i = 0; i < 30; i++)
        {
            _harness.Source.Add($"cam-{i:00}");
        }

        _harness.Options.Concurrency = 3;
        await _harness.RunAsync(cancellationToken: Ct);

        Assert.InRange(_harness.Source.MaxInFlight, 1, 3);
        Assert.Equal(30, _harness.Source.Fetched.Count);
    }

    [Fact]
    public async Task A_slow_sink_does_not_hold_fetch_slots()
    {
        const int cameras = 6;
        var allFetched = new TaskCompletionSource();
        var fetched = 0;
        for (var i = 0; i < cameras; i++)
        {
            var camera = _harness.Source.Add($"cam-{i}");
            _harness.Source.Behaviours[camera.Id] = async (c, _) =>
            {
                await Task.Yield();
                if (Interlocked.Increment(ref fetched) == cameras)
                {
                    allFetched.SetResult();
                }

                return new CameraImage(c.Id, FakeCameraSource.Jpeg(c.Id), "image/jpeg", _harness.Time.GetUtcNow(), 1);
            };
        }

        var writesMayFinish = new TaskCompletionSource();
        _harness.Sink = new GatedSink(_harness.Sink, writesMayFinish.Task);
        _harness.Options.Concurrency = 2;

        var run = _harness.RunAsync(cancellationToken: Ct);
        await allFetched.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        writesMayFinish.SetResult();
        var report = await run;

        Assert.Equal(cameras, report.Count(CameraOutcomeKind.Stored));
        Assert.InRange(_harness.Source.MaxInFlight, 1, 2);
    }

}
