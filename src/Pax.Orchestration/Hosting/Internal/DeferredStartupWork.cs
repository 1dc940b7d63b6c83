using Microsoft.Extensions.Hosting;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// A host's background startup work (recording each scheduled phase's first deployment, the Firestore database check),
/// begun <see cref="Delay"/> after the host began starting, and not before it has started. None of it is needed to
/// answer a request, and on an instance Cloud Run has just scaled from zero (one or two vCPUs) it would take the
/// processor from the first request, which arrives as soon as the port is open: the store's code and driver would be
/// loaded and compiled, a SQLite schema created, a token fetched, before the request's own work. Its failures are
/// reported as before, only later (events 4020 and 4091; <c>/readyz</c> runs the database check itself whenever it is
/// asked). Until the work begins nothing of it runs — a timer and a registration on the host's lifetime, no async
/// method, no background service for the host to run — so a start compiles none of it (README › Benchmarks › Cold start).
/// </summary>
internal sealed class DeferredStartupWork : IAsyncDisposable
{
    /// <summary>How long after the host began starting the work begins.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private readonly Func<CancellationToken, Task> _work;
    private readonly CancellationTokenSource _stopping = new();

    // Taken once: work that begins as the host stops (the timer firing during DisposeAsync) gets a cancelled token, not
    // an ObjectDisposedException from the disposed source.
    private readonly CancellationToken _stoppingToken;
    private readonly ITimer _timer;
    private readonly CancellationTokenRegistration _started;
    private int _conditionsLeft;
    private Task? _running;

    private DeferredStartupWork(IHostApplicationLifetime? lifetime, TimeProvider time, Func<CancellationToken, Task> work)
    {
        _work = work;
        _stoppingToken = _stopping.Token;
        var waitsForStart = lifetime is not null && !lifetime.ApplicationStarted.IsCancellationRequested;
        _conditionsLeft = waitsForStart ? 2 : 1;
        _timer = time.CreateTimer(static state => ((DeferredStartupWork)state!).ConditionMet(), this, Delay, Timeout.InfiniteTimeSpan);
        if (waitsForStart)
        {
            _started = lifetime!.ApplicationStarted.Register(static state => ((DeferredStartupWork)state!).ConditionMet(), this);
        }
    }

    /// <summary>Begins <paramref name="work"/> once <see cref="Delay"/> has passed on <paramref name="time"/> and the host has started (no host: the delay only).</summary>
    /// <param name="lifetime">The host's lifetime, or <see langword="null"/> outside a host.</param>
    /// <param name="time">The clock.</param>
    /// <param name="work">The work; its token is cancelled when the host stops. It reports its own failures (both callers log them, events 4020 and 4091); one it lets escape is thrown when the work is disposed.</param>
    /// <returns>The scheduled work, to dispose when the host stops (which cancels it and waits for it).</returns>
    public static DeferredStartupWork Start(IHostApplicationLifetime? lifetime, TimeProvider time, Func<CancellationToken, Task> work) => new(lifetime, time, work);

    /// <summary>Gets the work once it has begun (for tests), else <see langword="null"/>.</summary>
    public Task? Running => Volatile.Read(ref _running);

    /// <summary>Stops the work: cancels it if it has begun, and waits for it to end.</summary>
    /// <returns>A task that completes when the work has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _conditionsLeft, int.MinValue);
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _started.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (Running is { } running)
        {
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped with the host.
            }
        }

        _stopping.Dispose();
    }

    private void ConditionMet()
    {
        if (Interlocked.Decrement(ref _conditionsLeft) == 0)
        {
            Volatile.Write(ref _running, Task.Run(() => _work(_stoppingToken), CancellationToken.None));
        }
    }
}
