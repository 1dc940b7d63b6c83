using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;
using Pax.Collection.Tests.Sinks;

namespace Pax.Collection.Tests.Runs;

public sealed class CollectionRunnerFailureTests : IDisposable
{
    private readonly RunnerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Camera_api_failure_fails_the_run_and_writes_nothing()
    {
        _harness.Source.ListOverride = () => throw new CameraApiException("GET /api/cameras answered HTTP 503");

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.Root));
    }

    [Fact]
    public async Task An_empty_camera_list_fails_the_run_and_writes_nothing()
    {
        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.Root));
    }

    [Fact]
    public async Task At_the_deadline_cameras_in_flight_and_not_started_are_reported_timed_out()
    {
        _harness.Source.Add("fast");
        _harness.Source.Add("hangs");
        _harness.Options.Concurrency = 1;
        _harness.Options.Deadline = TimeSpan.FromMinutes(1);
        var hanging = new TaskCompletionSource();
        _harness.Source.Behaviours["hangs"] = async (_, ct) =>
        {
            hanging.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        for (var i = 0; i < 3; i++)
        {
            _harness.Source.Add($"later-{i}");
        }

        var run = _harness.RunAsync(cancellationToken: Ct);
        await hanging.Task.WaitAsync(Ct);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var report = await run;

        Assert.Equal(CameraOutcomeKind.Stored, Assert.Single(report.Cameras, c => c.CameraId == "fast").Outcome);
        Assert.Equal(CameraOutcomeKind.TimedOut, Assert.Single(report.Cameras, c => c.CameraId == "hangs").Outcome);
        Assert.All(report.Cameras.Where(c => c.CameraId.StartsWith("later", StringComparison.Ordinal)), c => Assert.Equal(CameraOutcomeKind.TimedOut, c.Outcome));
        Assert.Contains("deadline", Assert.Single(report.Cameras, c => c.CameraId == "hangs").Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_harness.SlotFolder, "report.json")));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_stops_the_run_and_writes_the_report_of_what_was_done()
    {
        _harness.Source.Add("a-done");
        _harness.Source.Add("b-hangs");
        _harness.Source.Add("c-later");
        _harness.Options.Concurrency = 1;
        var doneRecorded = new TaskCompletionSource();
        var hangs = new TaskCompletionSource();
        _harness.Source.Behaviours["b-hangs"] = async (_, ct) =>
        {
            await doneRecorded.Task.WaitAsync(ct);
            hangs.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        var progress = new CallbackProgress(p =>
        {
            if (p.Latest.CameraId == "a-done")
            {
                doneRecorded.TrySetResult();
            }
        });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var request = new CollectionRequest { Selection = Pax.Collection.Selection.CameraSelection.ForArea("purple-corridor"), Progress = progress };

        var run = _harness.CreateRunner().RunAsync(request, cancellation.Token);
        await hangs.Task.WaitAsync(Ct);
        await cancellation.CancelAsync();

        var cancelled = await Assert.ThrowsAsync<CollectionCancelledException>(() => run);
        Assert.Equal(CameraOutcomeKind.Stored, Assert.Single(cancelled.Report.Cameras, c => c.CameraId == "a-done").Outcome);
        Assert.Equal(CameraOutcomeKind.Cancelled, Assert.Single(cancelled.Report.Cameras, c => c.CameraId == "b-hangs").Outcome);
        Assert.Equal(CameraOutcomeKind.Cancelled, Assert.Single(cancelled.Report.Cameras, c => c.CameraId == "c-later").Outcome);
        Assert.True(cancelled.Report.Cancelled);
        Assert.False(cancelled.Report.Succeeded);
        var json = _harness.ReadReport();
        Assert.Equal(1, json.GetProperty("counts").GetProperty("stored").GetInt32());
        Assert.Equal(2, json.GetProperty("counts").GetProperty("cancelled").GetInt32());
        Assert.Contains("cancelled before it finished", await File.ReadAllTextAsync(Path.Combine(_harness.SlotFolder, "report.html"), Ct), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_harness.SlotFolder, "a-done.jpg")));
    }

    [Fact]
    public async Task Cancellation_before_the_camera_list_is_read_writes_nothing()
    {
        _harness.Source.Add("cam-a");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.RunAsync(cancellationToken: cancellation.Token));

        Assert.False(Directory.Exists(_harness.Root));
    }

    [Fact]
    public async Task A_full_disk_stops_the_run_with_a_clear_error_instead_of_failing_each_camera()
    {
        for (var i = 0; i < 12; i++)
        {
            _harness.Source.Add($"cam-{i:00}");
        }

        var disk = new FullDiskFileSystem(allowedFiles: 3);
        _harness.Sink = new FileSystemSink(_harness.Root, _harness.Time, disk);

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("out of space", error.Message, StringComparison.Ordinal);
        Assert.Contains(_harness.Root, error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(_harness.SlotFolder, "*.jpg").Length);
        Assert.Empty(Directory.GetFiles(_harness.SlotFolder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public async Task A_sink_that_refuses_access_fails_the_run_with_its_message()
    {
        _harness.Source.Add("cam-a");
        _harness.Sink = new RefusingSink(_harness.Sink);

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("storage.objects.create", error.Message, StringComparison.Ordinal);
    }

    private sealed class CallbackProgress(Action<CollectionProgress> onReport) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => onReport(value);
    }
}
