using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Pax.Orchestration.Tests.Support;

/// <summary>
/// A clock that lets every one-shot timer fire at once by advancing a <see cref="FakeTimeProvider"/> by its due time
/// (on another thread, after the timer exists), and records the due times: a test sees the exact delays a retry loop
/// waited and the clock shows their sum, without sleeping.
/// </summary>
internal sealed class DelayRecordingTimeProvider : TimeProvider
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero));

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Clock.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            _ = Task.Run(() => Clock.Advance(dueTime));
        }

        return timer;
    }
}
