using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Snapshots;

public sealed class SnapshotKeyTests
{
    private static readonly CameraId Camera = CameraId.Create("053e8995-f8cb-4d02-a659-70ac7c7da5db");

    [Fact]
    public void Object_name_is_date_time_and_camera_relative_to_the_sink()
    {
        var key = new SnapshotKey(Camera, new DateTimeOffset(2026, 2, 10, 14, 30, 0, TimeSpan.Zero));

        Assert.Equal("2026-02-10/1430/053e8995-f8cb-4d02-a659-70ac7c7da5db.jpg", key.ObjectName);
        Assert.Equal("2026-02-10/1430", key.SlotPath);
        Assert.Equal("2026-02-10/1430", SnapshotKey.GetSlotPath(key.Slot));
    }

    [Fact]
    public void Slot_is_named_in_utc_whatever_offset_it_was_given_in()
    {
        var newYork = new DateTimeOffset(2026, 2, 10, 9, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal("2026-02-10/1430", new SnapshotKey(Camera, newYork).SlotPath);
        Assert.Equal(new SnapshotKey(Camera, newYork), new SnapshotKey(Camera, newYork.ToUniversalTime()));
    }
}
