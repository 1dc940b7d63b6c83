using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Pulse;

/// <summary>
/// Counts what the engine does per scope and UTC hour without ever slowing or failing it: <see cref="Count"/> adds to
/// memory, and one writer per process stores what accumulated — at once after a quiet spell, then at most once per
/// <see cref="FlushInterval"/> while counts keep arriving — in one write of increments (<see cref="IPulseStore.AddAsync"/>).
/// So 10,000 reports arriving together cost this process about one write a second, not 10,000. A write that fails
/// is logged (event 4060) and counted on <c>pax.orchestration.pulse.write_failures</c>; its counts are dropped (an
/// increment that may have landed is never sent twice), the reports themselves are untouched.
/// </summary>
internal sealed class PulseRecorder : IAsyncDisposable, IDisposable
{
    /// <summary>The shortest time between two writes of one process while counts keep arriving.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly IPulseStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter<long> _writeFailures;
    private readonly string _name;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<(string Scope, DateTimeOffset Hour), long[]> _pending = [];
    private Task _loop = Task.CompletedTask;
    private bool _looping;

    public PulseRecorder(string name, IPulseStore store, TimeProvider time, ILogger logger, IMeterFactory meterFactory)
    {
        _name = name;
        _store = store;
        _time = time;
        _logger = logger;
        _writeFailures = meterFactory.Create(OrchestrationMetrics.MeterName).CreateCounter<long>(
            "pax.orchestration.pulse.write_failures", "{write}", "Writes of the dashboard's hourly counts that failed (their counts are missing from the pulse; nothing else is affected).");
    }

    /// <summary>Gets the store the counts go to (the dashboard reads it).</summary>
    public IPulseStore Store => _store;

    /// <summary>Counts one event of <paramref name="scope"/> now; never blocks on the store and never throws for it.</summary>
    public void Count(string scope, PulseCounter counter, long amount = 1)
    {
        var hour = PulseBucket.HourOf(_time.GetUtcNow());
        lock (_lock)
        {
            if (!_pending.TryGetValue((scope, hour), out var counts))
            {
                _pending[(scope, hour)] = counts = PulseBucket.NoCounts();
            }

            counts[(int)counter] += amount;
            if (!_looping && !_stopping.IsCancellationRequested)
            {
                _looping = true;
                _loop = Task.Run(WriteLoopAsync);
            }
        }
    }

    /// <summary>Returns the counts not stored yet (this process's), to add to what a page reads.</summary>
    public IReadOnlyList<PulseBucket> Pending()
    {
        lock (_lock)
        {
            return _pending.Select(p => new PulseBucket(p.Key.Scope, p.Key.Hour, (long[])p.Value.Clone())).ToList();
        }
    }

    /// <summary>Stores what accumulated now (one write); a failure is logged and counted, never thrown.</summary>
    public async Task FlushAsync()
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            List<PulseBucket> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending.Select(p => new PulseBucket(p.Key.Scope, p.Key.Hour, p.Value)).ToList();
                _pending = [];
            }

            try
            {
                // No deadline of its own: the stores bound their calls (Firestore's HTTP timeout and retries, SQLite's busy
                // timeout), and a slow write only delays the next one, which then carries more.
                await _store.AddAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _writeFailures.Add(1, new KeyValuePair<string, object?>("pax.pulse", _name));
                PulseLog.WriteFailed(_logger, ex, _name, batch.Sum(b => b.Counts.Sum()), batch.Count);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Stores what is pending and stops writing.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _writer.Dispose();
    }

    /// <summary>Stops writing without storing what is pending (a container disposed synchronously cannot wait for a write); hosts dispose asynchronously.</summary>
    public void Dispose() => _stopping.Cancel();

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            await FlushAsync().ConfigureAwait(false);
            lock (_lock)
            {
                if (_pending.Count == 0 || _stopping.IsCancellationRequested)
                {
                    _looping = false;
                    return;
                }
            }

            try
            {
                await Task.Delay(FlushInterval, _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: DisposeAsync stores what is left.
            }
        }
    }
}
