using Pax.Orchestration.Completion.Triggers;

namespace Pax.Demo.Pipeline;

/// <summary>What ran, in the order it ran (the steps are written from several tasks at once), and how often each next phase was started.</summary>
public sealed class DemoTimeline
{
    private readonly Lock _gate = new();
    private readonly List<DemoStep> _steps = [];
    private readonly Dictionary<string, int> _starts = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _started;

    /// <summary>Initializes a timeline that starts now.</summary>
    /// <param name="time">The clock.</param>
    public DemoTimeline(TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Gets the steps so far, in order.</summary>
    public IReadOnlyList<DemoStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    /// <summary>Adds a step.</summary>
    /// <param name="actor">Who did it.</param>
    /// <param name="text">What happened.</param>
    public void Add(string actor, string text)
    {
        lock (_gate)
        {
            _steps.Add(new DemoStep(_time.GetElapsedTime(_started), actor, text));
        }
    }

    /// <summary>Counts a next-phase start under its idempotency key and adds the step.</summary>
    /// <param name="handler">The handler that was started.</param>
    /// <param name="request">What the trigger sent.</param>
    public void Started(string handler, PhaseTriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            _starts[request.IdempotencyKey] = _starts.GetValueOrDefault(request.IdempotencyKey) + 1;
        }

        Add(handler, $"started by the trigger of phase '{request.Phase}' (idempotency key {request.IdempotencyKey}{(request.Redrive ? ", re-drive" : string.Empty)})");
    }

    /// <summary>Gets how many times this run started the phase after <paramref name="phase"/> for <paramref name="runKey"/>.</summary>
    /// <param name="phase">The completed phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <returns>The count.</returns>
    public int StartsAfter(string phase, string runKey)
    {
        lock (_gate)
        {
            return _starts.GetValueOrDefault(PhaseTriggerRequest.IdempotencyKeyFor(phase, runKey));
        }
    }
}
