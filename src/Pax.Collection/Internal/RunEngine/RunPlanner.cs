using Pax.Collection.Cameras;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collection.Snapshots;
using Pax.Collection.Internal.Reports;

namespace Pax.Collection.Internal.RunEngine;

/// <summary>Turns a camera selection into this task's plan: its shard, minus what the slot already holds.</summary>
internal sealed class RunPlanner(TaskShard shard, DateTimeOffset slot)
{
    /// <param name="selection">The selected cameras.</param>
    /// <param name="existing">The snapshots the slot holds.</param>
    /// <param name="previousHashes">Camera id → SHA-256 of its snapshot in the previous slot (stale detection).</param>
    /// <param name="earlier">Camera id → its line in this slot's earlier report, so an already stored snapshot keeps its bytes, SHA-256 and fetch time.</param>
    public RunPlan Plan(CameraSelectionResult selection, IReadOnlySet<string> existing, IReadOnlyDictionary<string, string> previousHashes, IReadOnlyDictionary<string, ReportCamera> earlier)
    {
        var toFetch = new List<PlannedCamera>();
        var settled = new List<CameraOutcome>();
        foreach (var camera in selection.Selected.Where(c => shard.Includes(c.Id)))
        {
            if (!CameraId.TryCreate(camera.Id, out var id, out var reason))
            {
                settled.Add(Settle(camera, CameraOutcomeKind.Rejected, reason));
            }
            else if (!camera.IsOnline)
            {
                settled.Add(Settle(camera, CameraOutcomeKind.Offline, "the camera API lists this camera as offline"));
            }
            else if (existing.Contains(new SnapshotKey(id, slot).ObjectName))
            {
                var objectName = new SnapshotKey(id, slot).ObjectName;
                // A report written before the sink owned its prefix names the object with the prefix in front.
                var before = earlier.GetValueOrDefault(camera.Id) is { ObjectName: { } named } line
                    && (named == objectName || named.EndsWith("/" + objectName, StringComparison.Ordinal)) ? line : null;
                settled.Add(Settle(camera, CameraOutcomeKind.AlreadyStored, null) with
                {
                    ObjectName = objectName,
                    Bytes = before?.Bytes,
                    Sha256 = before?.Sha256,
                    FetchedAt = before?.FetchedAt,
                });
            }
            else
            {
                toFetch.Add(new PlannedCamera(camera, id, previousHashes.GetValueOrDefault(camera.Id)));
            }
        }

        foreach (var camera in selection.MissingFromApi.Where(c => shard.Includes(c.Id)))
        {
            settled.Add(Settle(camera, CameraOutcomeKind.MissingFromApi, "the camera is in the manifest but not in the camera API's list"));
        }

        foreach (var rejected in selection.Rejected.Where(r => shard.Includes(r.Camera.Id)))
        {
            settled.Add(Settle(rejected.Camera, CameraOutcomeKind.Rejected, rejected.Reason));
        }

        return new RunPlan(toFetch, settled);
    }

    private static CameraOutcome Settle(Camera camera, CameraOutcomeKind outcome, string? reason) => new()
    {
        CameraId = camera.Id,
        CameraName = camera.Name,
        Outcome = outcome,
        Reason = reason,
    };
}
