namespace Pax.CameraSimulator.Internal;

/// <summary>Waits inside a request, giving up quietly when the client leaves or the server stops.</summary>
internal static class Pause
{
    /// <summary>Waits for <paramref name="delay"/> (<see cref="Timeout.InfiniteTimeSpan"/> waits until cancelled); returns <see langword="false"/> when cancelled first.</summary>
    public static async Task<bool> TryDelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            return !cancellationToken.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
