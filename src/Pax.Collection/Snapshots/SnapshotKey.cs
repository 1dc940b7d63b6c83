using System.Globalization;

namespace Pax.Collection.Snapshots;

/// <summary>
/// Names one snapshot within a sink: a camera in a schedule slot. Every task, retry and re-run of a slot computes the
/// same key, so the create-only sinks store each snapshot once. The name is relative to the sink, which owns its
/// location (a folder, or <c>gs://bucket/prefix</c>): <c>{yyyy-MM-dd}/{HHmm}/{cameraId}.jpg</c> (UTC); a Cloud Storage
/// sink with a prefix stores it as <c>{prefix}/{yyyy-MM-dd}/{HHmm}/{cameraId}.jpg</c>.
/// </summary>
public readonly record struct SnapshotKey
{
    /// <summary>Initializes a key.</summary>
    /// <param name="cameraId">The validated camera id.</param>
    /// <param name="slot">The schedule slot's start; converted to UTC.</param>
    public SnapshotKey(CameraId cameraId, DateTimeOffset slot)
    {
        CameraId = cameraId;
        Slot = slot.ToUniversalTime();
    }

    /// <summary>Gets the camera id.</summary>
    public CameraId CameraId { get; }

    /// <summary>Gets the slot start in UTC.</summary>
    public DateTimeOffset Slot { get; }

    /// <summary>Gets the slot's folder within the sink: <c>{yyyy-MM-dd}/{HHmm}</c>.</summary>
    public string SlotPath => GetSlotPath(Slot);

    /// <summary>Gets the snapshot's name within the sink: <c>{yyyy-MM-dd}/{HHmm}/{cameraId}.jpg</c>.</summary>
    public string ObjectName => $"{SlotPath}/{CameraId.Value}.jpg";

    /// <summary>Gets the folder of a slot within the sink: <c>{yyyy-MM-dd}/{HHmm}</c>.</summary>
    /// <param name="slot">The slot start; converted to UTC.</param>
    /// <returns>The relative folder path with '/' separators.</returns>
    public static string GetSlotPath(DateTimeOffset slot) =>
        slot.ToUniversalTime().ToString("yyyy-MM-dd'/'HHmm", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => ObjectName;
}
