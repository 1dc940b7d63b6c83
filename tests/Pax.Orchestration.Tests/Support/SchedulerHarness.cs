using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Stores;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Support;

/// <summary>
/// Schedulers on one real store (a temporary SQLite file, or the Firestore emulator with a fresh project id), sharing a
/// fake clock and a <see cref="ScriptedJobHandler"/> for type <c>test</c>. Each <see cref="NewInstance"/> is a separate
/// service provider with its own store object, as separate Cloud Run instances would be.
/// </summary>
public sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly Action<SchedulingOptions> _store;
    private readonly string? _firestoreEmulator;
    private readonly string? _directory;
    private readonly string? _project;
    private readonly List<ServiceProvider> _providers = [];

    private SchedulerHarness(Action<SchedulingOptions> store, string? firestoreEmulator, string? directory, string? project = null)
    {
        _store = store;
        _firestoreEmulator = firestoreEmulator;
        _directory = directory;
        _project = project;
        var first = NewInstance();
        Scheduler = first.Scheduler;
        Store = first.Store;
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public ScriptedJobHandler Handler { get; } = new();

    public JobScheduler Scheduler { get; }

    public ObservedJobStore Store { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static SchedulerHarness Sqlite(Action<SchedulingOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-sched-" + Guid.NewGuid().ToString("N"));
        return new SchedulerHarness(
            o =>
            {
                o.Store = OrchestrationStoreKind.Sqlite;
                o.Sqlite.Path = Path.Combine(directory, "jobs.db");
                configure?.Invoke(o);
            },
            null,
            directory);
    }

    public static SchedulerHarness Firestore(GcloudEmulator emulator, Action<SchedulingOptions>? configure = null)
    {
        var project = "p" + Guid.NewGuid().ToString("N")[..12];
        return new SchedulerHarness(
            o =>
            {
                o.Store = OrchestrationStoreKind.Firestore;
                o.Firestore.ProjectId = project;

                // Contention backoff runs on the fake clock, which only the test moves: retry at once, as Google calls do here.
                o.Firestore.ConflictRetry = new FirestoreConflictRetryOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
                configure?.Invoke(o);
            },
            emulator.HostPort,
            null,
            project);
    }

    /// <summary>Creates another scheduler instance on the same store, clock and handler.</summary>
    public (JobScheduler Scheduler, ObservedJobStore Store) NewInstance()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddPaxGoogleCloud(o =>
        {
            o.FirestoreEmulatorHost = _firestoreEmulator;
            o.Retry.InitialDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        });
        services.AddSingleton<IScheduledJobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulingOptions>>();
            return options.Value.Store == OrchestrationStoreKind.Firestore
                ? new ObservedJobStore(new FirestoreScheduledJobStore(sp.GetRequiredService<FirestoreClient>(), options))
                : new ObservedSqliteJobStore(new SqliteScheduledJobStore(options));
        });
        services.AddPaxScheduling(o =>
        {
            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
            o.RetryBaseDelay = TimeSpan.FromSeconds(10);
            o.RetryMaxDelay = TimeSpan.FromMinutes(1);
            _store(o);
        });
        services.AddKeyedSingleton<IScheduledJobHandler>(ScriptedJobHandler.Type, Handler);
        services.AddSingleton(new ScheduledJobHandlerRegistration(ScriptedJobHandler.Type));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _providers.Add(provider);
        return (provider.GetRequiredService<JobScheduler>(), (ObservedJobStore)provider.GetRequiredService<IScheduledJobStore>());
    }

    /// <summary>Creates a <c>test</c> job due now (or at <paramref name="scheduleAt"/>).</summary>
    public async Task<ScheduledJob> AddJobAsync(string id, DateTimeOffset? scheduleAt = null, string? cron = null, string? timeZone = null, int? maxAttempts = null, MisfirePolicy? misfire = null) =>
        await Scheduler.TryCreateJobAsync(
            new ScheduledJobRequest { Id = id, Type = ScriptedJobHandler.Type, ScheduleAt = scheduleAt, Cron = cron, TimeZone = timeZone, MaxAttempts = maxAttempts, Misfire = misfire },
            Ct) ?? throw new InvalidOperationException($"job {id} exists");

    public async Task<ScheduledJob> GetAsync(string id) => await Scheduler.GetJobAsync(id, Ct) ?? throw new InvalidOperationException($"no job {id}");

    /// <summary>Takes the stored shard off a Firestore job, as a version before shards stored it (no field).</summary>
    public async Task ForgetStoredShardAsync(string id)
    {
        // A field named in the mask but absent from the document is deleted (firestore/docs/reference/rest/v1/Write: updateMask).
        var write = new FirestoreWrite
        {
            Update = new FirestoreDocument { Name = FirestoreDocumentName(id), Fields = [] },
            UpdateMask = new FirestoreDocumentMask { FieldPaths = ["shard"] },
        };
        await FirestoreClient.CommitAsync(_project!, [write], cancellationToken: Ct);
    }

    /// <summary>Reads the shard stored with a Firestore job (<see langword="null"/> when there is none).</summary>
    public async Task<long?> StoredShardAsync(string id) =>
        (await FirestoreClient.GetDocumentAsync(FirestoreDocumentName(id), Ct))!.Fields!.GetValueOrDefault("shard")?.AsInteger();

    private FirestoreClient FirestoreClient => _providers[0].GetRequiredService<FirestoreClient>();

    private string FirestoreDocumentName(string id) => FirestoreClient.DocumentName(_project!, "scheduler_jobs", id);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
