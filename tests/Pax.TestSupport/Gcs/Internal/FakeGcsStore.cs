namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// Buckets and the live version of each object. Generations come from one counter that only grows (starting above
/// 2^50, like the real microsecond timestamps, so they do not fit an int32).
/// </summary>
internal sealed class FakeGcsStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, FakeGcsObject>> _buckets = new(StringComparer.Ordinal);
    private long _lastGeneration = 1_700_000_000_000_000;

    public void CreateBucket(string bucket)
    {
        lock (_gate)
        {
            _buckets.TryAdd(bucket, new SortedDictionary<string, FakeGcsObject>(StringComparer.Ordinal));
        }
    }

    public bool BucketExists(string bucket)
    {
        lock (_gate)
        {
            return _buckets.ContainsKey(bucket);
        }
    }

    public FakeGcsObject? Get(string bucket, string name)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var objects) && objects.TryGetValue(name, out var stored) ? stored : null;
        }
    }

    public IReadOnlyList<FakeGcsObject> List(string bucket, string prefix)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var objects)
                ? objects.Values.Where(o => o.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList()
                : [];
        }
    }

    /// <summary>
    /// Stores a new generation when the bucket exists, the preconditions hold and, when a live object is replaced, the
    /// caller may delete it; the checks and the write are atomic.
    /// </summary>
    /// <returns>The outcome and, when stored, the object.</returns>
    public (FakeGcsCommitOutcome Outcome, FakeGcsObject? Stored) Commit(
        string bucket, string name, long? ifGenerationMatch, long? ifGenerationNotMatch, bool mayReplace, Func<long, FakeGcsObject> create)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var objects))
            {
                return (FakeGcsCommitOutcome.NoSuchBucket, null);
            }

            objects.TryGetValue(name, out var live);
            if (!Holds(live, ifGenerationMatch, ifGenerationNotMatch))
            {
                return (FakeGcsCommitOutcome.PreconditionFailed, null);
            }

            if (live is not null && !mayReplace)
            {
                return (FakeGcsCommitOutcome.ReplaceDenied, null);
            }

            var stored = create(++_lastGeneration);
            objects[name] = stored;
            return (FakeGcsCommitOutcome.Stored, stored);
        }
    }

    // cloud.google.com/storage/docs/request-preconditions: ifGenerationMatch=0 means "no live object";
    // ifGenerationNotMatch fails when there is no live object or when it has that generation.
    public static bool Holds(FakeGcsObject? live, long? ifGenerationMatch, long? ifGenerationNotMatch)
    {
        if (ifGenerationMatch is { } match && (match == 0 ? live is not null : live?.Generation != match))
        {
            return false;
        }

        return ifGenerationNotMatch is not { } notMatch || (live is not null && live.Generation != notMatch);
    }
}
