using System.Text;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// A job's shard: 32-bit FNV-1a of its id's UTF-8 bytes, modulo <see cref="Count"/>. Stored with every job (Firestore
/// field and SQLite column <c>shard</c>), so both numbers are part of the layout: changing either would leave stored
/// jobs in shards no tick lists.
/// </summary>
internal static class JobShards
{
    /// <summary>How many shards there are: enough that a few concurrent ticks rarely want the same one.</summary>
    public const int Count = 16;

    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static int Of(string id)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return (int)(hash % Count);
    }
}
