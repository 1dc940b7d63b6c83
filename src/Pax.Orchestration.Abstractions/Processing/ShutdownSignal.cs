using System.Runtime.InteropServices;

namespace Pax.Orchestration.Processing;

/// <summary>
/// How a Cloud Run Job task is told to stop, as two cancellation tokens. Cloud Run sends SIGTERM when a task reaches
/// its timeout or its execution is cancelled, and SIGKILL 10 seconds later
/// (cloud.google.com/run/docs/container-contract#lifecycle); locally, Ctrl+C stands for SIGTERM.
/// <see cref="StopRequested"/> is cancelled at the first signal: stop the work. <see cref="GraceExpired"/> is cancelled
/// <see cref="GracePeriod"/> after it: what must still happen after a stop (publish the completion, write the report)
/// takes that token, so it ends before SIGKILL and the process can still say why it stopped. A second signal ends the
/// process at once. <see cref="ProcessorHost"/> uses one; a host of its own (the collector's) creates one with
/// <see cref="Listen"/> first thing in <c>Program.cs</c>.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    /// <summary>
    /// What is left of Cloud Run's 10 seconds for the work after a stop: 8 seconds, keeping 2 for the last log line
    /// and the exit.
    /// </summary>
    public static TimeSpan GracePeriod { get; } = TimeSpan.FromSeconds(8);

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _grace;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    /// <summary>Initializes a signal that only <see cref="RequestStop"/> sets (tests, and <see cref="Listen"/>).</summary>
    /// <param name="timeProvider">The clock the grace is measured on.</param>
    internal ShutdownSignal(TimeProvider timeProvider)
    {
        _grace = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
    }

    /// <summary>Gets a token cancelled at the first SIGTERM or Ctrl+C: stop the work.</summary>
    public CancellationToken StopRequested => _stop.Token;

    /// <summary>Gets a token cancelled <see cref="GracePeriod"/> after the first SIGTERM or Ctrl+C (never before it): finish what must be said about the stop.</summary>
    public CancellationToken GraceExpired => _grace.Token;

    /// <summary>Starts listening for SIGTERM and Ctrl+C (SIGINT) in this process.</summary>
    /// <returns>The signal; dispose it to stop listening.</returns>
    public static ShutdownSignal Listen()
    {
        var signal = new ShutdownSignal(TimeProvider.System);
        foreach (var posix in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            signal._registrations.Add(PosixSignalRegistration.Create(posix, context => context.Cancel = signal.RequestStop()));
        }

        return signal;
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
        _grace.Dispose();
    }

    /// <summary>Records a stop signal: the first cancels <see cref="StopRequested"/> and starts the grace.</summary>
    /// <returns><see langword="true"/> for the first signal (the process goes on); <see langword="false"/> for a later one (the default action ends it).</returns>
    internal bool RequestStop()
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            return false;
        }

        _grace.CancelAfter(GracePeriod);
        _stop.Cancel();
        return true;
    }
}
