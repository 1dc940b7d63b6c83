using Pax.Collection.Cameras;
using Pax.Collection.Runs;

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
    public async Task Cancellation_by_the_caller_stops_the_run()
    {
        _harness.Source.Add("hangs");
        var started = new TaskCompletionSource();
        _harness.Source.Behaviours["hangs"] = async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var run = _harness.RunAsync(cancellationToken: cancellation.Token);
        await started.Task.WaitAsync(Ct);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_sink_that_refuses_access_fails_the_run_with_its_message()
    {
        _harness.Source.Add("cam-a");
        _harness.Sink = new RefusingSink(_harness.Sink);

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("storage.objects.create", error.Message, StringComparison.Ordinal);
    }
}
