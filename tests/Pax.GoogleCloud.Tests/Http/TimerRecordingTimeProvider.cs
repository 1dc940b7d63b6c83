using Microsoft.Extensions.Time.Testing;

namespace Pax.GoogleCloud.Tests.Http;

/// <summary>A <see cref="FakeTimeProvider"/> that reports the timers created on it, so a test can advance time exactly when a delay has started.</summary>
internal sealed class TimerRecordingTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Created)> _waiters = [];

    public FakeTimeProvider Clock { get; } = new();

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

    /// <summary>Completes when a timer whose due time matches is created.</summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, CancellationToken cancellationToken)
    {
        var created = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((match, created));
        }

        return created.Task.WaitAsync(cancellationToken);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Clock.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource<TimeSpan>> matched;
        lock (_gate)
        {
            matched = _waiters.Where(w => w.Match(dueTime)).Select(w => w.Created).ToList();
            _waiters.RemoveAll(w => w.Match(dueTime));
        }

        matched.ForEach(m => m.TrySetResult(dueTime));
        return timer;
    }
}
