namespace Pax.Orchestration.Stores.Internal;

/// <summary>The bound on one page of a store query (<c>ICompletionStoreQueries</c>, <c>IScheduledJobStoreQueries</c>).</summary>
internal static class StoreQueryLimits
{
    /// <summary>The most rows or documents one page reads.</summary>
    public const int MaxPageSize = 500;

    public static void Check(int limit)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {MaxPageSize} items.");
        }
    }

    /// <summary>A rejected-delivery filter names a run key only within a phase.</summary>
    public static void CheckRejectedFilter(string? phase, string? runKey)
    {
        if (runKey is not null && phase is null)
        {
            throw new ArgumentException("A run key filter needs a phase: run keys belong to phases.", nameof(runKey));
        }
    }
}
