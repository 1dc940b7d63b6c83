using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Processing;

namespace Pax.Orchestration.Tests.Processing;

public sealed class ShutdownSignalTests
{
    [Fact]
    public void The_first_signal_stops_the_work_and_the_grace_ends_8_seconds_later()
    {
        var time = new FakeTimeProvider();
        using var shutdown = new ShutdownSignal(time);
        time.Advance(TimeSpan.FromHours(1));
        Assert.False(shutdown.StopRequested.IsCancellationRequested);
        Assert.False(shutdown.GraceExpired.IsCancellationRequested);   // no stop, no grace to run out

        Assert.True(shutdown.RequestStop());
        Assert.True(shutdown.StopRequested.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(7.9));
        Assert.False(shutdown.GraceExpired.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(shutdown.GraceExpired.IsCancellationRequested);
    }

    [Fact]
    public void A_second_signal_is_left_to_end_the_process_and_does_not_restart_the_grace()
    {
        var time = new FakeTimeProvider();
        using var shutdown = new ShutdownSignal(time);
        Assert.True(shutdown.RequestStop());
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(shutdown.RequestStop());
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(shutdown.GraceExpired.IsCancellationRequested);
    }
}
