using Microsoft.Extensions.Time.Testing;
using Pax.Collection.Sinks;
using Pax.Collection.Sinks.Internal;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Sinks;

/// <summary>The file sink against what real disks do: fill up, ignore letter case, and keep what a killed writer left.</summary>
public sealed class FileSystemSinkFaultTests : IDisposable
{
    private static readonly DateTimeOffset Slot = new(2026, 2, 10, 14, 30, 0, TimeSpan.Zero);
    private static readonly SnapshotMetadata Metadata = new("5 Ave @ 42 St", Slot, "image/jpeg", "00");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pax-fs-fault-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 10, 14, 40, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string SlotFolder => Path.Combine(_root, "2026-02-10", "1430");

    private static SnapshotKey Key(string camera) => new(CameraId.Create(camera), Slot);

    [Fact]
    public async Task The_runtime_reports_a_full_disk_as_IOException_with_errno_28()
    {
        // The reference for FullDiskFileSystem: /dev/full answers every write with ENOSPC.
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs /dev/full (Linux)");

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            await using (stream)
            {
                await stream.WriteAsync(new byte[16], Ct);
                stream.Flush(flushToDisk: true);
            }
        });

        Assert.Equal(FullDiskFileSystem.Enospc, error.HResult);
        Assert.StartsWith("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.True(SinkFailures.IsOutOfSpace(error));
    }

    [Fact]
    public async Task A_full_disk_fails_the_write_as_out_of_space_and_leaves_no_temporary_file()
    {
        var sink = new FileSystemSink(_root, _time, new FullDiskFileSystem(allowedFiles: 0));

        var error = await Assert.ThrowsAsync<IOException>(() => sink.WriteAsync(Key("cam-a"), new byte[1024], Metadata, Ct));

        Assert.True(SinkFailures.IsOutOfSpace(error));
        Assert.Empty(Directory.GetFiles(SlotFolder, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public async Task A_folder_that_refuses_writes_is_access_refused_and_holds_nothing()
    {
        var sink = new FileSystemSink(_root, _time, new AccessDeniedFileSystem());

        var error = await Assert.ThrowsAsync<SnapshotSinkException>(() => sink.WriteAsync(Key("cam-a"), new byte[16], Metadata, Ct));

        Assert.Equal(SnapshotSinkFailure.AccessRefused, error.Failure);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Contains(SlotFolder, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(SlotFolder, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public async Task A_folder_that_refuses_listing_is_access_refused()
    {
        var sink = new FileSystemSink(_root, _time, new AccessDeniedFileSystem { RefuseWrites = false, RefuseListing = true });
        await sink.PrepareSlotAsync("2026-02-10/1430", Ct);

        var error = await Assert.ThrowsAsync<SnapshotSinkException>(() => sink.ListSnapshotsAsync("2026-02-10/1430", Ct));

        Assert.Equal(SnapshotSinkFailure.AccessRefused, error.Failure);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Contains(SlotFolder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_artifact_the_folder_refuses_to_replace_is_access_refused_and_leaves_no_temporary_file()
    {
        var sink = new FileSystemSink(_root, _time, new AccessDeniedFileSystem { RefuseWrites = false, RefuseReplacing = true });

        var error = await Assert.ThrowsAsync<SnapshotSinkException>(() => sink.WriteArtifactAsync("2026-02-10/1430", "report.json", "{}"u8.ToArray(), "application/json", Ct));

        Assert.Equal(SnapshotSinkFailure.AccessRefused, error.Failure);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Empty(Directory.GetFiles(SlotFolder, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public async Task An_artifact_the_folder_refuses_to_read_is_access_refused()
    {
        var sink = new FileSystemSink(_root, _time, new AccessDeniedFileSystem { RefuseWrites = false, RefuseReading = true });
        await sink.WriteArtifactAsync("2026-02-10/1430", "report.json", "{}"u8.ToArray(), "application/json", Ct);

        var error = await Assert.ThrowsAsync<SnapshotSinkException>(() => sink.ReadArtifactAsync("2026-02-10/1430", "report.json", Ct));

        Assert.Equal(SnapshotSinkFailure.AccessRefused, error.Failure);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
    }

    [Fact]
    public async Task On_a_case_insensitive_file_system_an_id_differing_only_in_case_is_refused_not_merged()
    {
        var sink = new FileSystemSink(_root, _time, new CaseInsensitiveFileSystem());
        Assert.Equal(SnapshotWriteResult.Created, await sink.WriteAsync(Key("cam-a"), "lower"u8.ToArray(), Metadata, Ct));

        var error = await Assert.ThrowsAsync<IOException>(() => sink.WriteAsync(Key("CAM-A"), "upper"u8.ToArray(), Metadata, Ct));

        Assert.Contains("CAM-A.jpg", error.Message, StringComparison.Ordinal);
        Assert.Contains("cam-a.jpg", error.Message, StringComparison.Ordinal);
        Assert.Contains("letter case", error.Message, StringComparison.Ordinal);
        Assert.False(SinkFailures.IsOutOfSpace(error));
        Assert.Equal(SnapshotWriteResult.AlreadyExists, await sink.WriteAsync(Key("cam-a"), "again"u8.ToArray(), Metadata, Ct));
        Assert.Equal("lower", await File.ReadAllTextAsync(Path.Combine(SlotFolder, "cam-a.jpg"), Ct));
        Assert.Equal(["cam-a.jpg"], Directory.GetFiles(SlotFolder, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(Path.GetFileName));
    }

    [Fact]
    public async Task On_a_case_sensitive_file_system_ids_differing_only_in_case_are_two_files()
    {
        var sink = new FileSystemSink(_root, _time, SinkFileSystem.Physical);
        await sink.WriteAsync(Key("cam-a"), "lower"u8.ToArray(), Metadata, Ct);
        Assert.SkipWhen(File.Exists(Path.Combine(SlotFolder, "CAM-A.jpg")), "this temporary folder is on a case-insensitive file system");

        Assert.Equal(SnapshotWriteResult.Created, await sink.WriteAsync(Key("CAM-A"), "upper"u8.ToArray(), Metadata, Ct));

        Assert.Equal("upper", await File.ReadAllTextAsync(Path.Combine(SlotFolder, "CAM-A.jpg"), Ct));
        Assert.Equal("lower", await File.ReadAllTextAsync(Path.Combine(SlotFolder, "cam-a.jpg"), Ct));
    }

    [Fact]
    public async Task Listing_a_slot_removes_the_temporary_files_a_killed_writer_left_and_nothing_else()
    {
        Directory.CreateDirectory(SlotFolder);
        var now = _time.GetUtcNow().UtcDateTime;
        var abandonedSnapshot = Create($".cam-a.jpg.{Guid.NewGuid():N}.tmp", now.AddHours(-1));
        var abandonedReport = Create($".report.json.{Guid.NewGuid():N}.tmp", now.AddMinutes(-5));
        var fresh = Create($".cam-b.jpg.{Guid.NewGuid():N}.tmp", now.AddSeconds(-10));
        var heldOpen = Create($".cam-c.jpg.{Guid.NewGuid():N}.tmp", now.AddHours(-1));
        var notOurs = new[]
        {
            Create(".notes.tmp", now.AddDays(-1)),
            Create("cam-d.jpg.tmp", now.AddDays(-1)),
            Create($".cam-e.jpg.{Guid.NewGuid():N}.tmp.keep", now.AddDays(-1)),
            Create(".cam-f.jpg.not-a-guid.tmp", now.AddDays(-1)),
        };
        var snapshot = Create("cam-g.jpg", now.AddDays(-1));
        var sink = new FileSystemSink(_root, _time);

        // A live writer (another process or task) holds its temporary file open while it writes.
        using (new FileStream(heldOpen, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            var names = await sink.ListSnapshotsAsync("2026-02-10/1430", Ct);
            Assert.Equal(["2026-02-10/1430/cam-g.jpg"], names);
        }

        Assert.False(File.Exists(abandonedSnapshot));
        Assert.False(File.Exists(abandonedReport));
        Assert.True(File.Exists(fresh), "a temporary file written in the last minute may belong to a write in progress");
        Assert.True(File.Exists(heldOpen), "a temporary file held open belongs to a live writer");
        Assert.All(notOurs, path => Assert.True(File.Exists(path), path));
        Assert.True(File.Exists(snapshot));
    }

    [Fact]
    public async Task Listing_a_slot_also_cleans_the_days_earlier_slots_but_not_other_days()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var earlierSlot = Create($".cam-a.jpg.{Guid.NewGuid():N}.tmp", now.AddHours(-1), Path.Combine(_root, "2026-02-10", "1400"));
        var otherDay = Create($".cam-a.jpg.{Guid.NewGuid():N}.tmp", now.AddDays(-1), Path.Combine(_root, "2026-02-09", "2330"));
        var sink = new FileSystemSink(_root, _time);

        Assert.Empty(await sink.ListSnapshotsAsync("2026-02-10/1430", Ct));

        Assert.False(File.Exists(earlierSlot));
        Assert.True(File.Exists(otherDay));
    }

    private string Create(string name, DateTime lastWriteUtc, string? folder = null)
    {
        Directory.CreateDirectory(folder ?? SlotFolder);
        var path = Path.Combine(folder ?? SlotFolder, name);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
        return path;
    }
}
