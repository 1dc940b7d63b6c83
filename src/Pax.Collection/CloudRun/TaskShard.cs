namespace Pax.Collection.CloudRun;

/// <summary>
/// Splits cameras over the tasks of a Cloud Run Job execution. A camera belongs to the task whose index equals a
/// stable hash of its id modulo the task count, so the split depends only on the id: tasks that fetched the camera
/// list a few seconds apart, or lists that gained or lost a camera, still agree on who collects which camera, and
/// every camera is collected by exactly one task.
/// </summary>
public readonly record struct TaskShard
{
    /// <summary>Initializes a shard.</summary>
    /// <param name="index">The 0-based task index.</param>
    /// <param name="count">The number of tasks.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is under 1 or the index is outside 0..count-1.</exception>
    public TaskShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>Gets the 0-based task index.</summary>
    public int Index { get; }

    /// <summary>Gets the number of tasks.</summary>
    public int Count { get; }

    /// <summary>Returns whether the camera with <paramref name="cameraId"/> belongs to this shard.</summary>
    /// <param name="cameraId">The camera id as received (validated or not: rejected ids are reported by one task too).</param>
    /// <returns><see langword="true"/> when this task collects the camera.</returns>
    public bool Includes(string cameraId)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        return Count == 1 || (int)(Fnv1a(cameraId) % (uint)Count) == Index;
    }

    // FNV-1a over UTF-16 code units: stable across processes and .NET versions, unlike string.GetHashCode.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
