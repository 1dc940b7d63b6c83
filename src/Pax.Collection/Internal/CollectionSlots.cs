namespace Pax.Collection.Internal;

/// <summary>
/// The bounds of one run: fetches at once (<see cref="Runs.CollectionOptions.Concurrency"/>, the politeness bound on
/// the camera provider), writes at once (<see cref="Runs.CollectionOptions.UploadConcurrency"/>, so connections to
/// Cloud Storage stay bounded), and images held at once — fetching, waiting to be written, or being written — at most
/// both bounds together, so memory stays flat when the sink is slower than the cameras (fetches then wait).
/// </summary>
internal sealed class CollectionSlots(int fetches, int uploads) : IDisposable
{
    public SemaphoreSlim Images { get; } = new(fetches + uploads);

    public SemaphoreSlim Fetches { get; } = new(fetches);

    public SemaphoreSlim Uploads { get; } = new(uploads);

    public void Dispose()
    {
        Images.Dispose();
        Fetches.Dispose();
        Uploads.Dispose();
    }
}
