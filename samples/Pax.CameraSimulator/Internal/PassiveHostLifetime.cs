namespace Pax.CameraSimulator.Internal;

/// <summary>
/// A host lifetime that leaves process signals alone: the simulator runs inside tests, benchmarks and a CLI that
/// own Ctrl+C and SIGTERM themselves, and stops when it is disposed.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
