using Pax.Collection.Runs;

namespace Pax.Collection.Internal.RunEngine;

/// <summary>Counts completed cameras (from concurrent workers) and forwards each to the caller's progress callback.</summary>
internal sealed class ProgressCounter(int total, IProgress<CollectionProgress>? progress)
{
    private int _completed;

    public void Report(CameraOutcome outcome)
    {
        var completed = Interlocked.Increment(ref _completed);
        progress?.Report(new CollectionProgress(completed, total, outcome));
    }
}
