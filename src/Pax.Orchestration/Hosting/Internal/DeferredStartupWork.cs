using Microsoft.Extensions.Hosting;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// When a host's background startup work (recording each scheduled phase's first deployment, the Firestore database
/// check) begins: <see cref="Delay"/> after the host began starting, and not before it has started. None of it is
/// needed to answer a request, and on an instance Cloud Run has just scaled from zero (one or two vCPUs) it would take
/// the processor from the first request, which arrives as soon as the port is open: the store's code and driver would
/// be loaded and compiled, a SQLite schema created, a token fetched, before the request's own work. Its failures are reported as before, only
/// later (events 4020 and 4091; <c>/readyz</c> runs the database check itself whenever it is asked).
/// </summary>
internal static class DeferredStartupWork
{
    /// <summary>How long after the host began starting the work begins.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    /// <summary>Completes when <see cref="Delay"/> has passed on <paramref name="time"/> since the call and the host has started (no host: the delay only).</summary>
    /// <param name="lifetime">The host's lifetime, or <see langword="null"/> outside a host.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Stops the wait (the host stopping).</param>
    /// <returns>The wait.</returns>
    public static async Task WaitAsync(IHostApplicationLifetime? lifetime, TimeProvider time, CancellationToken cancellationToken)
    {
        var delay = Task.Delay(Delay, time, cancellationToken);
        if (lifetime is not null && !lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await delay.ConfigureAwait(false);
    }
}
