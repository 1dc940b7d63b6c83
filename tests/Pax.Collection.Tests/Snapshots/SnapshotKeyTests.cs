using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Snapshots;

public sealed class SnapshotKeyTests
{
    private static readonly CameraId Camera = CameraId.Create("053e8995-f8cb-4d02-a659-70ac7c7da5db");

    [Fact]
    public void Object_name_is_prefix_date_time_and_camera()
    {
        var key = new SnapshotKey("snapshots/nyc", Camera, new DateTimeOffset(2026, 2, 10, 14, 30, 0, TimeSpan.Zero));

        Assert.Equal("snapshots/nyc/2026-02-10/1430/053e8995-f8cb-4d02-a659-70ac7c7da5db.jpg", key.ObjectName);
        Assert.Equal("snapshots/nyc/2026-02-10/1430", key.SlotPath);
    }

    [Fact]
    public void Empty_prefix_has_no_leading_segment_and_slashes_are_trimmed()
    {
        var slot = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-02-10/0900/" + Camera.Value + ".jpg", new SnapshotKey("", Camera, slot).ObjectName);
        Assert.Equal("a/2026-02-10/0900", new SnapshotKey("/a/", Camera, slot).SlotPath);
    }

    [Fact]
    public void Slot_is_named_in_utc_whatever_offset_it_was_given_in()
    {
        var newYork = new DateTimeOffset(2026, 2, 10, 9, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal("2026-02-10/1430", new SnapshotKey("", Camera, newYork).SlotPath);
    }

    [Theory]
    [InlineData("a/../b")]
    [InlineData("..")]
    [InlineData("a//b")]
    [InlineData("a/b\nc")]
    [InlineData("a/*")]
    [InlineData("a\\b")]
    public void Unsafe_prefixes_are_rejected(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new SnapshotKey(prefix, Camera, DateTimeOffset.UnixEpoch));
    }
}
