using System.Text;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Sinks;

public sealed class FileSystemSinkTests : IDisposable
{
    private static readonly DateTimeOffset Slot = new(2026, 2, 10, 14, 30, 0, TimeSpan.Zero);
    private static readonly SnapshotMetadata Metadata = new("5 Ave @ 42 St", Slot, "image/jpeg", "00");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pax-fs-sink-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static SnapshotKey Key(string camera = "cam-1") => new(CameraId.Create(camera), Slot);

    [Fact]
    public async Task Write_creates_the_file_under_the_slot_folder()
    {
        var sink = new FileSystemSink(_root);

        var result = await sink.WriteAsync(Key(), "first"u8.ToArray(), Metadata, TestContext.Current.CancellationToken);

        Assert.Equal(SnapshotWriteResult.Created, result);
        Assert.Equal("first", await File.ReadAllTextAsync(Path.Combine(_root, "2026-02-10", "1430", "cam-1.jpg"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/", "/2026-02-10/1430", true)]
    [InlineData("/", "/2026-02-10/1430/cam-1.jpg", true)]
    [InlineData("/", "/", false)]
    [InlineData("/data", "/data/2026-02-10", true)]
    [InlineData("/data", "/data", false)]
    [InlineData("/data", "/database/2026-02-10", false)]
    [InlineData("/data", "/", false)]
    public void A_path_is_inside_the_root_only_below_it_whatever_the_root_ends_with(string root, string full, bool inside)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix paths");

        Assert.Equal(inside, FileSystemSink.IsBelowRoot(root, full));
    }

    [Fact]
    public async Task A_sink_on_the_file_system_root_resolves_its_paths_instead_of_refusing_them()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix paths");
        var sink = new FileSystemSink("/");

        // A read of a report that is not there: resolves the path below "/" and writes nothing.
        Assert.Null(await sink.ReadArtifactAsync("1970-01-01/0000", "report-pax-test-none.json", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_root_given_with_a_trailing_slash_is_the_same_folder()
    {
        var sink = new FileSystemSink(_root + "/");

        var result = await sink.WriteAsync(Key(), "first"u8.ToArray(), Metadata, TestContext.Current.CancellationToken);

        Assert.Equal(SnapshotWriteResult.Created, result);
        Assert.Equal(_root, sink.Location);
        Assert.True(File.Exists(Path.Combine(_root, "2026-02-10", "1430", "cam-1.jpg")));
    }

    [Fact]
    public async Task Write_returns_AlreadyExists_and_never_overwrites()
    {
        var sink = new FileSystemSink(_root);
        await sink.WriteAsync(Key(), "first"u8.ToArray(), Metadata, TestContext.Current.CancellationToken);

        var result = await sink.WriteAsync(Key(), "second"u8.ToArray(), Metadata, TestContext.Current.CancellationToken);

        Assert.Equal(SnapshotWriteResult.AlreadyExists, result);
        Assert.Equal("first", await File.ReadAllTextAsync(Path.Combine(_root, Key().ObjectName), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_key_store_it_once_and_leave_no_temp_files()
    {
        var sink = new FileSystemSink(_root);
        var writers = Enumerable.Range(0, 16).Select(i => sink.WriteAsync(Key(), Encoding.ASCII.GetBytes($"writer {i:00}"), Metadata, TestContext.Current.CancellationToken));

        var results = await Task.WhenAll(writers);

        Assert.Single(results, r => r == SnapshotWriteResult.Created);
        Assert.Equal(["cam-1.jpg"], Directory.GetFiles(Path.Combine(_root, "2026-02-10", "1430"), "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.StartsWith("writer ", await File.ReadAllTextAsync(Path.Combine(_root, Key().ObjectName), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_write_leaves_nothing_behind()
    {
        var sink = new FileSystemSink(_root);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.WriteAsync(Key(), new byte[1024], Metadata, cancelled.Token));

        Assert.Empty(Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task List_returns_the_object_names_of_the_slots_snapshots_only()
    {
        var sink = new FileSystemSink(_root);
        await sink.WriteAsync(Key("a"), "1"u8.ToArray(), Metadata, TestContext.Current.CancellationToken);
        await sink.WriteAsync(Key("b"), "2"u8.ToArray(), Metadata, TestContext.Current.CancellationToken);
        await sink.WriteArtifactAsync(Key().SlotPath, "report.json", "{}"u8.ToArray(), "application/json", TestContext.Current.CancellationToken);

        var names = await sink.ListSnapshotsAsync(Key().SlotPath, TestContext.Current.CancellationToken);

        Assert.Equal(new HashSet<string> { Key("a").ObjectName, Key("b").ObjectName }, names);
        Assert.Empty(await sink.ListSnapshotsAsync("2030-01-01/0000", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Artifacts_are_replaced_and_read_back()
    {
        var sink = new FileSystemSink(_root);
        await sink.WriteArtifactAsync("2026-02-10/1430", "report.json", "v1"u8.ToArray(), "application/json", TestContext.Current.CancellationToken);
        await sink.WriteArtifactAsync("2026-02-10/1430", "report.json", "v2"u8.ToArray(), "application/json", TestContext.Current.CancellationToken);

        Assert.Equal("v2"u8.ToArray(), await sink.ReadArtifactAsync("2026-02-10/1430", "report.json", TestContext.Current.CancellationToken));
        Assert.Null(await sink.ReadArtifactAsync("2026-02-10/1500", "report.json", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("../escape.json")]
    [InlineData("a/b.json")]
    [InlineData("..")]
    public async Task Artifact_names_cannot_leave_the_slot_folder(string name)
    {
        var sink = new FileSystemSink(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => sink.WriteArtifactAsync("2026-02-10/1430", name, "x"u8.ToArray(), "text/plain", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Slot_paths_cannot_leave_the_root()
    {
        var sink = new FileSystemSink(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => sink.ListSnapshotsAsync("../..", TestContext.Current.CancellationToken));
    }
}
