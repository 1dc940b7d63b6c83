using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Hosting.Internal;

namespace Pax.Orchestration.Tests.Hosting;

/// <summary>Background startup work begins 2 s after the host began starting and not before it has started; stopping the host cancels it.</summary>
public sealed class DeferredStartupWorkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_work_begins_once_the_delay_has_passed_and_the_host_has_started()
    {
        var time = new FakeTimeProvider();
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var deferred = DeferredStartupWork.Start(lifetime, time, _ =>
        {
            ran.TrySetResult();
            return Task.CompletedTask;
        });

        time.Advance(DeferredStartupWork.Delay);
        Assert.Null(deferred.Running); // the delay has passed, but the host has not started

        lifetime.NotifyStarted();
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task A_host_that_started_at_once_still_waits_for_the_delay()
    {
        var time = new FakeTimeProvider();
        await using var deferred = DeferredStartupWork.Start(null, time, _ => Task.CompletedTask);

        time.Advance(DeferredStartupWork.Delay - TimeSpan.FromMilliseconds(1));
        Assert.Null(deferred.Running);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotNull(deferred.Running);
        await deferred.Running!.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task Stopping_before_the_work_began_means_it_never_runs_and_stopping_after_cancels_it()
    {
        var time = new FakeTimeProvider();
        var never = DeferredStartupWork.Start(null, time, _ => throw new InvalidOperationException("ran after the host stopped"));
        await never.DisposeAsync();
        time.Advance(DeferredStartupWork.Delay);
        Assert.Null(never.Running);

        var cancelled = false;
        var running = DeferredStartupWork.Start(null, time, async token =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                cancelled = token.IsCancellationRequested;
            }
        });
        time.Advance(DeferredStartupWork.Delay);
        await running.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.True(cancelled);
    }
}
