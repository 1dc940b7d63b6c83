using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pax.TestSupport.Tracing;

/// <summary>
/// Records every span the Pax sources (<c>Pax.*</c>) end while it lives, as an OpenTelemetry SDK would see them (all
/// sampled). Listeners are process-wide and tests run in parallel: find a test's spans by its own trace id.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Ended)> _waiters = [];

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Pax.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Waits for a span matching <paramref name="match"/> to end (or returns one that already did), at most <paramref name="timeout"/>.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = (match, new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_waiters)
        {
            _waiters.Add(waiter);
        }

        if (_spans.FirstOrDefault(match) is { } ended)
        {
            waiter.Item2.TrySetResult(ended);
        }

        try
        {
            return await waiter.Item2.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_waiters)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Gets the ended spans of one trace.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => _spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>Gets the ended spans of a name, in any trace.</summary>
    public IReadOnlyList<Activity> Named(string name) => _spans.Where(s => s.DisplayName == name).ToList();

    /// <summary>Returns a new remote W3C context, as another process would send it.</summary>
    public static ActivityContext NewRemoteContext() =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

    /// <summary>Formats a context as a W3C traceparent.</summary>
    public static string TraceParent(ActivityContext context) => $"00-{context.TraceId}-{context.SpanId}-01";

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity span)
    {
        _spans.Enqueue(span);
        lock (_waiters)
        {
            foreach (var (match, ended) in _waiters.Where(w => w.Match(span)))
            {
                ended.TrySetResult(span);
            }
        }
    }
}
