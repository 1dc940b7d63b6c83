using Pax.Collection.Cameras;
using Pax.Collection.CloudRun;
using Pax.Collection.Internal.Reports;
using Pax.Collection.Internal.RunEngine;
using Pax.Collection.Runs;
using Pax.Collection.Selection;

namespace Pax.Collection.Tests.Internal.RunEngine;

public sealed class RunPlannerTests
{
    private static readonly DateTimeOffset Slot = new(2026, 2, 10, 14, 30, 0, TimeSpan.Zero);
    private static readonly Camera Camera = new("cam-1", "Camera 1", 40.76, -73.98, "Manhattan", true);

    [Theory]
    [InlineData("2026-02-10/1430/cam-1.jpg")]
    [InlineData("nyc/2026-02-10/1430/cam-1.jpg")]
    public void An_already_stored_snapshot_keeps_its_earlier_line_whether_or_not_the_report_named_the_prefix(string earlierObjectName)
    {
        var earlier = new Dictionary<string, ReportCamera>
        {
            ["cam-1"] = new("cam-1", "Camera 1", "stored", null, earlierObjectName, 2048, "ab12", 1, Slot.AddMinutes(1), 80),
        };

        var plan = new RunPlanner(CloudRunTaskInfo.Single.Shard, Slot).Plan(
            new CameraSelectionResult([Camera], [], []), new HashSet<string> { "2026-02-10/1430/cam-1.jpg" }, new Dictionary<string, string>(), earlier);

        var settled = Assert.Single(plan.Settled);
        Assert.Equal(CameraOutcomeKind.AlreadyStored, settled.Outcome);
        Assert.Equal("2026-02-10/1430/cam-1.jpg", settled.ObjectName);
        Assert.Equal((2048, "ab12"), (settled.Bytes, settled.Sha256));
        Assert.Empty(plan.Cameras);
    }

    [Fact]
    public void An_earlier_line_for_another_object_is_not_taken()
    {
        var earlier = new Dictionary<string, ReportCamera>
        {
            ["cam-1"] = new("cam-1", "Camera 1", "stored", null, "2026-02-10/1400/cam-1.jpg", 2048, "ab12", 1, Slot, 80),
        };

        var plan = new RunPlanner(CloudRunTaskInfo.Single.Shard, Slot).Plan(
            new CameraSelectionResult([Camera], [], []), new HashSet<string> { "2026-02-10/1430/cam-1.jpg" }, new Dictionary<string, string>(), earlier);

        Assert.Null(Assert.Single(plan.Settled).Sha256);
    }
}
