using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Pulse;

/// <summary>A scheduler registered as an app would (the built-in store itself, not a wrapper), with a scripted <c>test</c> handler and a fake clock.</summary>
public sealed class PulseSchedulerHost : IAsyncDisposable
{
    private readonly string? _directory;

    private PulseSchedulerHost(ServiceProvider services, FakeTimeProvider time, ScriptedJobHandler handler, string? directory)
    {
        Services = services;
        Time = time;
        Handler = handler;
        _directory = directory;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public ScriptedJobHandler Handler { get; }

    public JobScheduler Scheduler => Services.GetRequiredService<JobScheduler>();

    public static PulseSchedulerHost Sqlite(Action<SchedulingOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-pulse-" + Guid.NewGuid().ToString("N"));
        return Create(o =>
        {
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = Path.Combine(directory, "jobs.db");
            configure?.Invoke(o);
        }, null, directory);
    }

    public static PulseSchedulerHost Firestore(string emulator, Action<SchedulingOptions>? configure = null) => Create(o =>
    {
        o.Store = OrchestrationStoreKind.Firestore;
        o.Firestore.ProjectId = "p" + Guid.NewGuid().ToString("N")[..12];
        o.Firestore.ConflictRetry = new FirestoreConflictRetryOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
        configure?.Invoke(o);
    }, emulator, null);

    public async Task<ScheduledJob> AddJobAsync(string id, string? cron = null) =>
        await Scheduler.TryCreateJobAsync(new ScheduledJobRequest { Id = id, Type = ScriptedJobHandler.Type, Cron = cron, MaxAttempts = 1 }, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException($"job {id} exists");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static PulseSchedulerHost Create(Action<SchedulingOptions> store, string? emulator, string? directory)
    {
        var time = new FakeTimeProvider(SchedulerHarness.Start);
        var handler = new ScriptedJobHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddPaxGoogleCloud(o =>
        {
            o.FirestoreEmulatorHost = emulator;
            o.Retry.InitialDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        });
        services.AddPaxScheduling(o =>
        {
            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
            store(o);
        });
        services.AddKeyedSingleton<IScheduledJobHandler>(ScriptedJobHandler.Type, handler);
        services.AddSingleton(new ScheduledJobHandlerRegistration(ScriptedJobHandler.Type));
        return new PulseSchedulerHost(services.BuildServiceProvider(), time, handler, directory);
    }
}
