using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;
using Microsoft.Extensions.Time.Testing;

namespace Pax.Collection.Tests.Sinks;

/// <summary>The create-only guarantee when several sink instances write the same folder (a transient registration, two runners).</summary>
public sealed class FileSystemSinkRaceTests : IDisposable
{
    private const int Rounds = 200;
    private static readonly DateTimeOffset Slot = new(2026, 2, 10, 14, 30, 0, TimeSpan.Zero);
    private static readonly SnapshotMetadata Metadata = new("5 Ave @ 42 St", Slot, "image/jpeg", "00");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pax-fs-race-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Two_instances_racing_on_the_same_keys_store_each_snapshot_once_and_never_overwrite()
    {
        var first = new FileSystemSink(_root);
        var second = new FileSystemSink(_root + "/./");

        var outcomes = await RaceAsync(first, second);

        AssertOneWinnerPerKey(outcomes);
    }

    [Fact]
    public async Task Two_instances_reaching_the_folder_through_different_root_strings_store_each_snapshot_once()
    {
        // Only link(2) serialises these two: a symlink alias gives the second sink another root string, so another
        // in-process move lock (the lock is keyed by the root path as given, not as resolved).
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need a privilege on Windows");
        Directory.CreateDirectory(_root);
        var alias = _root + "-alias";
        Directory.CreateSymbolicLink(alias, _root);
        try
        {
            var first = new FileSystemSink(_root);
            var second = new FileSystemSink(alias);
            Assert.NotEqual(first.Location, second.Location);

            var outcomes = await RaceAsync(first, second);

            AssertOneWinnerPerKey(outcomes);
        }
        finally
        {
            Directory.Delete(alias);
        }
    }

    [Fact]
    public async Task Two_instances_on_a_file_system_without_hard_links_still_store_each_snapshot_once()
    {
        var files = new NoHardLinkFileSystem();
        var time = new FakeTimeProvider(Slot);
        var first = new FileSystemSink(_root, time, files);
        var second = new FileSystemSink(_root, time, files);

        var outcomes = await RaceAsync(first, second);

        AssertOneWinnerPerKey(outcomes);
        Assert.Equal(0, files.Overlaps);
    }

    private static async Task<List<(string Camera, SnapshotWriteResult Result, string Content)>> RaceAsync(FileSystemSink first, FileSystemSink second)
    {
        var outcomes = new List<(string, SnapshotWriteResult, string)>();
        for (var round = 0; round < Rounds; round++)
        {
            var camera = $"cam-{round}";
            var key = new SnapshotKey(CameraId.Create(camera), Slot);
            using var start = new Barrier(2);
            Task<SnapshotWriteResult> Write(FileSystemSink sink, string content) => Task.Run(
                () =>
                {
                    start.SignalAndWait(TestContext.Current.CancellationToken);
                    return sink.WriteAsync(key, System.Text.Encoding.UTF8.GetBytes(content), Metadata, TestContext.Current.CancellationToken);
                },
                TestContext.Current.CancellationToken);
            var a = Write(first, $"first-{round}");
            var b = Write(second, $"second-{round}");
            outcomes.Add((camera, await a, $"first-{round}"));
            outcomes.Add((camera, await b, $"second-{round}"));
        }

        return outcomes;
    }

    private void AssertOneWinnerPerKey(List<(string Camera, SnapshotWriteResult Result, string Content)> outcomes)
    {
        foreach (var camera in outcomes.GroupBy(o => o.Camera))
        {
            var created = Assert.Single(camera, o => o.Result == SnapshotWriteResult.Created);
            Assert.Single(camera, o => o.Result == SnapshotWriteResult.AlreadyExists);
            Assert.Equal(created.Content, File.ReadAllText(Path.Combine(_root, "2026-02-10", "1430", camera.Key + ".jpg")));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "2026-02-10", "1430"), ".*"));
    }
}
