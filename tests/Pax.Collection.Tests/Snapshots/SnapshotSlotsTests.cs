using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Snapshots;

public sealed class SnapshotSlotsTests
{
    [Theory]
    [InlineData("2026-02-10T14:30:00Z", "2026-02-10T14:30:00Z")]
    [InlineData("2026-02-10T14:59:59.999Z", "2026-02-10T14:30:00Z")]
    [InlineData("2026-02-10T14:00:01Z", "2026-02-10T14:00:00Z")]
    [InlineData("2026-02-10T09:45:00-05:00", "2026-02-10T14:30:00Z")]
    public void Every_instant_of_a_30_minute_slot_maps_to_its_start(string instant, string expected)
    {
        var slot = SnapshotSlots.Floor(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), SnapshotSlots.DefaultInterval);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), slot);
        Assert.Equal(TimeSpan.Zero, slot.Offset);
    }

    [Fact]
    public void Other_intervals_are_honoured()
    {
        var slot = SnapshotSlots.Floor(new DateTimeOffset(2026, 2, 10, 14, 47, 0, TimeSpan.Zero), TimeSpan.FromMinutes(15));

        Assert.Equal(new DateTimeOffset(2026, 2, 10, 14, 45, 0, TimeSpan.Zero), slot);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(90 * 60 - 1)]
    public void Intervals_that_do_not_divide_a_day_into_whole_minutes_are_rejected(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotSlots.Floor(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(seconds)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotSlots.Floor(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(7)));
    }
}
