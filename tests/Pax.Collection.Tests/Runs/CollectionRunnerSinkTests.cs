using Pax.Collection.Runs;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Runs;

/// <summary>How a run treats its sink: bounded writes, a timeout per write, artifacts that fail, a sink unusable from the start.</summary>
public sealed class CollectionRunnerSinkTests : IDisposable
{
    private readonly RunnerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_are_bounded_by_the_upload_concurrency_and_fetched_images_by_both_bounds()
    {
        const int cameras = 20;
        _harness.Options.Concurrency = 2;
        _harness.Options.UploadConcurrency = 3;
        var sink = new CountingSink(_harness.Sink, writersToHold: 3);
        _harness.Sink = sink;
        var held = 0;
        var maxHeld = 0;
        for (var i = 0; i < cameras; i++)
        {
            var id = $"cam-{i:00}";
            _harness.Source.Add(id);
            _harness.Source.Behaviours[id] = async (camera, _) =>
            {
                // Images held = fetches started − writes finished; each fetch starts only with an image slot.
                var now = Interlocked.Increment(ref held) - sink.Finished;
                InterlockedMax(ref maxHeld, now);
                await Task.Yield();
                return new Pax.Collection.Cameras.CameraImage(camera.Id, FakeCameraSource.Jpeg(camera.Id), "image/jpeg", _harness.Time.GetUtcNow(), 1);
            };
        }

        var run = _harness.RunAsync(cancellationToken: Ct);
        await sink.Saturated.WaitAsync(Ct);
        sink.Open();
        var report = await run;

        Assert.Equal(cameras, report.Count(CameraOutcomeKind.Stored));
        Assert.Equal(3, sink.MaxConcurrentWrites);
        Assert.InRange(maxHeld, 1, 2 + (2 * 3));
    }

    [Fact]
    public async Task A_write_that_outlasts_the_upload_timeout_ends_that_camera_timed_out_and_the_run_goes_on()
    {
        _harness.Source.Add("slow");
        _harness.Source.Add("quick");
        _harness.Options.UploadTimeout = TimeSpan.FromSeconds(30);
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var othersWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Sink = new HangingSink(_harness.Sink, "slow", hanging, othersWritten);

        var run = _harness.RunAsync(cancellationToken: Ct);
        await Task.WhenAll(hanging.Task, othersWritten.Task).WaitAsync(Ct);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var report = await run;

        var slow = Assert.Single(report.Cameras, c => c.CameraId == "slow");
        Assert.Equal(CameraOutcomeKind.TimedOut, slow.Outcome);
        Assert.Contains("upload timeout of 00:00:30", slow.Reason, StringComparison.Ordinal);
        Assert.Equal(CameraOutcomeKind.Stored, Assert.Single(report.Cameras, c => c.CameraId == "quick").Outcome);
        Assert.Empty(report.ArtifactFailures);
    }

    [Fact]
    public async Task An_artifact_that_cannot_be_written_is_reported_not_thrown()
    {
        _harness.Source.Add("cam-1");
        _harness.Sink = new ArtifactRefusingSink(_harness.Sink);

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.True(report.Succeeded);
        Assert.Equal(CameraOutcomeKind.Stored, Assert.Single(report.Cameras).Outcome);
        Assert.Equal(2, report.ArtifactFailures.Count);
        Assert.All(report.ArtifactFailures, f => Assert.Contains("storage.objects.delete", f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SnapshotSinkFailure.Unavailable)]
    [InlineData(SnapshotSinkFailure.Rejected)]
    public async Task An_earlier_report_the_sink_cannot_read_is_skipped_and_the_run_goes_on(SnapshotSinkFailure failure)
    {
        _harness.Source.Add("cam-1");
        var sink = new ReportReadFailingSink(_harness.Sink, failure);
        _harness.Sink = sink;

        var report = await _harness.RunAsync(cancellationToken: Ct);

        Assert.True(sink.Reads > 0);
        Assert.True(report.Succeeded);
        Assert.Equal(CameraOutcomeKind.Stored, Assert.Single(report.Cameras).Outcome);
    }

    [Fact]
    public async Task An_earlier_report_whose_read_is_refused_access_fails_the_run()
    {
        _harness.Source.Add("cam-1");
        _harness.Sink = new ReportReadFailingSink(_harness.Sink, SnapshotSinkFailure.AccessRefused);

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("report read failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_sink_that_cannot_be_created_fails_the_run_before_any_camera_is_fetched()
    {
        _harness.Source.Add("cam-1");
        _harness.Sink = new FileSystemSink("/proc/nope");

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("/proc/nope", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Source.Fetched);
    }

    [Fact]
    public async Task A_rerun_keeps_bytes_sha256_and_fetch_time_of_snapshots_stored_before()
    {
        _harness.Source.Add("cam-1");
        _harness.Source.Add("cam-2");
        var first = await _harness.RunAsync(cancellationToken: Ct);

        var again = await _harness.RunAsync(cancellationToken: Ct);

        Assert.All(again.Cameras, c => Assert.Equal(CameraOutcomeKind.AlreadyStored, c.Outcome));
        Assert.Equal(
            first.Cameras.Select(c => (c.CameraId, c.Bytes, c.Sha256, c.FetchedAt)),
            again.Cameras.Select(c => (c.CameraId, c.Bytes, c.Sha256, c.FetchedAt)));
        Assert.All(again.Cameras, c => Assert.NotNull(c.Sha256));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private sealed class CountingSink(ISnapshotSink inner, int writersToHold) : ISnapshotSink
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _saturated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _writing;
        private int _finished;
        private int _max;

        public Task Saturated => _saturated.Task;

        public int Finished => Volatile.Read(ref _finished);

        public int MaxConcurrentWrites => Volatile.Read(ref _max);

        public string Location => inner.Location;

        public void Open() => _open.TrySetResult();

        public async Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _writing);
            InterlockedMax(ref _max, now);
            if (now >= writersToHold)
            {
                _saturated.TrySetResult();
            }

            try
            {
                await _open.Task.WaitAsync(cancellationToken);
                return await inner.WriteAsync(key, content, metadata, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _writing);
                Interlocked.Increment(ref _finished);
            }
        }

        public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(slotPath, cancellationToken);

        public Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) => inner.WriteArtifactAsync(slotPath, fileName, content, contentType, cancellationToken);

        public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) => inner.ReadArtifactAsync(slotPath, fileName, cancellationToken);
    }

    private sealed class HangingSink(ISnapshotSink inner, string cameraId, TaskCompletionSource started, TaskCompletionSource othersWritten) : ISnapshotSink
    {
        public string Location => inner.Location;

        public async Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken)
        {
            if (key.ObjectName.EndsWith($"/{cameraId}.jpg", StringComparison.Ordinal))
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var result = await inner.WriteAsync(key, content, metadata, cancellationToken);
            othersWritten.TrySetResult();
            return result;
        }

        public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(slotPath, cancellationToken);

        public Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) => inner.WriteArtifactAsync(slotPath, fileName, content, contentType, cancellationToken);

        public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) => inner.ReadArtifactAsync(slotPath, fileName, cancellationToken);
    }

    private sealed class ArtifactRefusingSink(ISnapshotSink inner) : ISnapshotSink
    {
        public string Location => inner.Location;

        public Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken) => inner.WriteAsync(key, content, metadata, cancellationToken);

        public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(slotPath, cancellationToken);

        public Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
            throw new SnapshotSinkException(SnapshotSinkFailure.AccessRefused, "storage.objects.delete denied");

        public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) => inner.ReadArtifactAsync(slotPath, fileName, cancellationToken);
    }

    private sealed class ReportReadFailingSink(ISnapshotSink inner, SnapshotSinkFailure failure) : ISnapshotSink
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public string Location => inner.Location;

        public Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken) => inner.WriteAsync(key, content, metadata, cancellationToken);

        public Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(slotPath, cancellationToken);

        public Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) => inner.WriteArtifactAsync(slotPath, fileName, content, contentType, cancellationToken);

        public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            throw new SnapshotSinkException(failure, $"{fileName}: report read failed (CRC32C mismatch after retries)");
        }
    }
}
