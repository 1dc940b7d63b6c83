using System.Globalization;

namespace Pax.Collection.Snapshots;

/// <summary>
/// Names one snapshot: a camera in a schedule slot, under an optional prefix. Every task, retry and re-run of a slot
/// computes the same key, so the create-only sinks store each snapshot once.
/// The object name is <c>{prefix}/{yyyy-MM-dd}/{HHmm}/{cameraId}.jpg</c> (UTC; no leading prefix segment when the prefix is empty).
/// </summary>
public readonly record struct SnapshotKey
{
    /// <summary>Initializes a key.</summary>
    /// <param name="prefix">Leading path segments (no leading or trailing '/'), or empty.</param>
    /// <param name="cameraId">The validated camera id.</param>
    /// <param name="slot">The schedule slot's start; converted to UTC.</param>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not a safe relative path.</exception>
    public SnapshotKey(string prefix, CameraId cameraId, DateTimeOffset slot)
    {
        Prefix = SnapshotPrefix.Normalize(prefix);
        CameraId = cameraId;
        Slot = slot.ToUniversalTime();
    }

    /// <summary>Gets the normalized prefix (no leading or trailing '/'), possibly empty.</summary>
    public string Prefix { get; }

    /// <summary>Gets the camera id.</summary>
    public CameraId CameraId { get; }

    /// <summary>Gets the slot start in UTC.</summary>
    public DateTimeOffset Slot { get; }

    /// <summary>Gets the slot's folder: <c>{prefix}/{yyyy-MM-dd}/{HHmm}</c>.</summary>
    public string SlotPath => GetSlotPath(Prefix, Slot);

    /// <summary>Gets the object name: <c>{prefix}/{yyyy-MM-dd}/{HHmm}/{cameraId}.jpg</c>.</summary>
    public string ObjectName => $"{SlotPath}/{CameraId.Value}.jpg";

    /// <summary>Gets the folder of a slot: <c>{prefix}/{yyyy-MM-dd}/{HHmm}</c>.</summary>
    /// <param name="prefix">Leading path segments, or empty.</param>
    /// <param name="slot">The slot start; converted to UTC.</param>
    /// <returns>The relative folder path with '/' separators.</returns>
    public static string GetSlotPath(string prefix, DateTimeOffset slot)
    {
        var normalized = SnapshotPrefix.Normalize(prefix);
        var utc = slot.ToUniversalTime();
        var tail = utc.ToString("yyyy-MM-dd'/'HHmm", CultureInfo.InvariantCulture);
        return normalized.Length == 0 ? tail : $"{normalized}/{tail}";
    }

    /// <inheritdoc />
    public override string ToString() => ObjectName;
}
