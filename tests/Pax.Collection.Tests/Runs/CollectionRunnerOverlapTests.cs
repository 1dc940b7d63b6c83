using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Runs;

/// <summary>
/// What a run does at once (README › Benchmarks › Collector, cold process): the camera list and the sink's state of the
/// slot are read together, and the report's two artifacts are written together; a failure of either still stops or
/// marks the run as before.
/// </summary>
public sealed class CollectionRunnerOverlapTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly RunnerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sink_state_of_the_slot_is_read_while_the_camera_list_is_awaited()
    {
        _harness.Source.Add("cam-1");
        var sink = new SignallingSink(_harness.Sink);
        _harness.Sink = sink;

        // The list answers only once the sink has been listed: read one after the other, the run would never start.
        _harness.Source.BeforeList = ct => sink.Listed.Task.WaitAsync(ct);
        var report = await _harness.RunAsync(cancellationToken: Ct).WaitAsync(Guard, Ct);

        Assert.Equal(1, report.Count(CameraOutcomeKind.Stored));
    }

    [Fact]
    public async Task When_the_camera_list_and_the_sink_both_fail_the_run_names_the_camera_list()
    {
        _harness.Source.Add("cam-1");
        _harness.Source.BeforeList = _ => throw new CameraApiException("The camera list at https://webcams.nyctmc.org/api/cameras could not be read: HTTP 503 after 4 attempt(s).");
        _harness.Sink = new SignallingSink(_harness.Sink) { ListFailure = new IOException("disk gone") };

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("camera list", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("disk gone", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.SlotFolder)); // the sink was only read: nothing written, not even the folder
    }

    [Fact]
    public async Task A_sink_that_cannot_be_listed_still_fails_the_run_before_any_fetch()
    {
        _harness.Source.Add("cam-1");
        _harness.Sink = new SignallingSink(_harness.Sink) { ListFailure = new IOException("disk gone") };

        var error = await Assert.ThrowsAsync<CollectionFailedException>(() => _harness.RunAsync(cancellationToken: Ct));

        Assert.Contains("disk gone", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Source.Fetched);
    }

    [Fact]
    public async Task The_report_s_json_and_html_are_written_at_once()
    {
        _harness.Source.Add("cam-1");
        var sink = new SignallingSink(_harness.Sink);
        _harness.Sink = sink;

        // The JSON is written only once the HTML's write has begun: written one after the other, the run would not end.
        sink.BeforeArtifact = (name, ct) => name.EndsWith(".json", StringComparison.Ordinal) ? sink.HtmlStarted.Task.WaitAsync(ct) : Task.CompletedTask;
        var report = await _harness.RunAsync(cancellationToken: Ct).WaitAsync(Guard, Ct);

        Assert.Empty(report.ArtifactFailures);
        Assert.True(File.Exists(Path.Combine(_harness.SlotFolder, "report.json")));
        Assert.True(File.Exists(Path.Combine(_harness.SlotFolder, "report.html")));
    }

    /// <summary>A sink that says when it was listed and when an HTML artifact's write began, and can fail its listing.</summary>
    private sealed class SignallingSink(ISnapshotSink inner) : ISnapshotSink
    {
        public TaskCompletionSource Listed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource HtmlStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? ListFailure { get; init; }

        public Func<string, CancellationToken, Task>? BeforeArtifact { get; set; }

        public string Location => inner.Location;

        public Task<SnapshotWriteResult> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> content, SnapshotMetadata metadata, CancellationToken cancellationToken) =>
            inner.WriteAsync(key, content, metadata, cancellationToken);

        public Task PrepareSlotAsync(string slotPath, CancellationToken cancellationToken) => inner.PrepareSlotAsync(slotPath, cancellationToken);

        public async Task<IReadOnlySet<string>> ListSnapshotsAsync(string slotPath, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (ListFailure is not null)
            {
                throw ListFailure;
            }

            var listed = await inner.ListSnapshotsAsync(slotPath, cancellationToken);
            Listed.TrySetResult();
            return listed;
        }

        public async Task WriteArtifactAsync(string slotPath, string fileName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
        {
            if (fileName.EndsWith(".html", StringComparison.Ordinal))
            {
                HtmlStarted.TrySetResult();
            }

            if (BeforeArtifact is { } gate)
            {
                await gate(fileName, cancellationToken);
            }

            await inner.WriteArtifactAsync(slotPath, fileName, content, contentType, cancellationToken);
        }

        public Task<byte[]?> ReadArtifactAsync(string slotPath, string fileName, CancellationToken cancellationToken) => inner.ReadArtifactAsync(slotPath, fileName, cancellationToken);
    }
}
