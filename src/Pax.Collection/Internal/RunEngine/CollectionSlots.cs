namespace Pax.Collection.Internal.RunEngine;

/// <summary>
/// The bounds of one run: fetches at once (<see cref="Runs.CollectionOptions.Concurrency"/>, the politeness bound on
/// the camera provider), writes at once (<see cref="Runs.CollectionOptions.UploadConcurrency"/>, so connections to
/// Cloud Storage stay bounded), and images held at once — fetching, waiting for a write slot, or being written — at
/// most <c>Concurrency + 2 × UploadConcurrency</c> (as many may wait as are written), so memory stays flat when the
/// sink is slower than the cameras (fetches then wait) while a sink that keeps up on average absorbs bursts.
/// </summary>
internal sealed class CollectionSlots(int fetches, int uploads) : IDisposable
{
    public SemaphoreSlim Images { get; } = new(fetches + (2 * uploads));

    public SemaphoreSlim Fetches { get; } = new(fetches);

    public SemaphoreSlim Uploads { get; } = new(uploads);

    public void Dispose()
    {
        Images.Dispose();
        Fetches.Dispose();
        Uploads.Dispose();
    }
}
