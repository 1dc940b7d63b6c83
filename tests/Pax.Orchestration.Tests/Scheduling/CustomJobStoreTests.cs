using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>A store of the user's own implements <see cref="IScheduledJobStore"/> only: ticks on it claim unsharded, each job once.</summary>
public sealed class CustomJobStoreTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pax-sched-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(SchedulerHarness.Start);
    private readonly ScriptedJobHandler _handler = new();
    private readonly List<ServiceProvider> _providers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_ticks_on_a_custom_store_execute_every_due_job_exactly_once()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"job-{i:00}").ToList();
        var listed = 0;
        var allListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schedulers = Enumerable.Range(0, 4).Select(_ => NewScheduler(() =>
        {
            // Every instance lists the same due jobs before any claims one: they race, and the compare-and-swap decides.
            if (Interlocked.Increment(ref listed) == 4)
            {
                allListed.SetResult();
            }

            return allListed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        })).ToList();
        foreach (var id in ids)
        {
            await schedulers[0].TryCreateJobAsync(new ScheduledJobRequest { Id = id, Type = ScriptedJobHandler.Type }, Ct);
        }

        var results = await Task.WhenAll(schedulers.Select(s => Task.Run(() => s.RunTickAsync(Ct), Ct)));

        Assert.All(ids, id => Assert.Equal(1, _handler.RunsOf(id)));
        Assert.Equal(ids.Count, results.Sum(r => r.JobsSucceeded));
        Assert.True(results.Sum(r => r.JobsSkippedClaimed) > 0, "the instances never raced for a job");
        Assert.Equal(0, results.Sum(r => r.ShardsBusy));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private JobScheduler NewScheduler(Func<Task> afterList)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IScheduledJobStore>(sp => new CustomStore(new SqliteScheduledJobStore(sp.GetRequiredService<IOptions<SchedulingOptions>>()), afterList));
        services.AddPaxScheduling(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Sqlite.Path = Path.Combine(_directory, "jobs.db");
            o.MaxConcurrency = 8;
        });
        services.AddKeyedSingleton<IScheduledJobHandler>(ScriptedJobHandler.Type, _handler);
        services.AddSingleton(new ScheduledJobHandlerRegistration(ScriptedJobHandler.Type));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<JobScheduler>();
    }

    /// <summary>A store as a user writes one: the public interface, nothing more.</summary>
    private sealed class CustomStore(IScheduledJobStore inner, Func<Task> afterList) : ForwardingJobStore(inner)
    {
        public override async Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        {
            var due = await Inner.ListDueAsync(now, limit, cancellationToken);
            await afterList();
            return due;
        }
    }
}
