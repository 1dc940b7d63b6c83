using Pax.Orchestration.Internal;

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

    /// <summary>The shard of a job: FNV-1a over its id's UTF-8 bytes (part of the stored layout: never change it).</summary>
    public static int Of(string id) => (int)(StableHash.Utf8(id) % Count);
}
