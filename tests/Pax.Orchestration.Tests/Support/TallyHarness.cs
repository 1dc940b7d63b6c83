using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Stores;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Support;

/// <summary>An engine on a real store (a temporary SQLite file, or the Firestore emulator with a fresh project id) with a recording trigger and a fake clock.</summary>
public sealed class TallyHarness : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly Action<OrchestrationOptions> _store;
    private readonly string? _firestoreEmulator;

    private TallyHarness(ServiceProvider services, RecordingTrigger trigger, FakeTimeProvider time, string? directory, Action<OrchestrationOptions> store, string? firestoreEmulator)
    {
        Services = services;
        Trigger = trigger;
        Time = time;
        _directory = directory;
        _store = store;
        _firestoreEmulator = firestoreEmulator;
    }

    public ServiceProvider Services { get; }

    public RecordingTrigger Trigger { get; }

    public FakeTimeProvider Time { get; }

    public CompletionTally Tally => Services.GetRequiredService<CompletionTally>();

    public CompletionWatchdog Watchdog => Services.GetRequiredService<CompletionWatchdog>();

    public ICompletionStore Store => Services.GetRequiredService<ICompletionStore>();

    public static TallyHarness Sqlite(params PhaseDefinition[] phases)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-orch-" + Guid.NewGuid().ToString("N"));
        return Create(phases, o =>
        {
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = Path.Combine(directory, "tallies.db");
        }, null, directory);
    }

    public static TallyHarness Firestore(GcloudEmulator emulator, params PhaseDefinition[] phases) => Firestore(emulator, null, phases);

    /// <summary>As <see cref="Firestore(GcloudEmulator, PhaseDefinition[])"/>, with services of the test's own added last (a handler in front of the emulator).</summary>
    public static TallyHarness Firestore(GcloudEmulator emulator, Action<IServiceCollection>? more, params PhaseDefinition[] phases)
    {
        var project = "p" + Guid.NewGuid().ToString("N")[..12];
        return Create(phases, o =>
        {
            o.Store = OrchestrationStoreKind.Firestore;
            o.Firestore.ProjectId = project;

            // Contention backoff runs on the fake clock, which only the test moves: retry at once, as Google calls do here.
            o.Firestore.ConflictRetry = new FirestoreConflictRetryOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
        }, emulator.HostPort, null, more);
    }

    public static PhaseDefinition Named(string name, params string[] processors) => new() { Name = name, Processors = [.. processors] };

    public static PhaseDefinition Counted(string name, int count, int? threshold = null) => new() { Name = name, ExpectedCount = count, Threshold = threshold };

    /// <summary>
    /// Another engine over this harness's store data (the same file or Firestore project) with <paramref name="phases"/> as
    /// its configuration, as after a redeploy that changed them; with a trigger and clock of its own. Dispose it before this one.
    /// </summary>
    public TallyHarness Reconfigure(params PhaseDefinition[] phases) => Create(phases, _store, _firestoreEmulator, null);

    public Task<CompletionReceipt> RecordAsync(string phase, string processor, string runKey, CompletionStatus status = CompletionStatus.Succeeded, string? messageId = null) =>
        Tally.RecordAsync(new CompletionMessage(phase, processor, runKey, status, messageId), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static TallyHarness Create(PhaseDefinition[] phases, Action<OrchestrationOptions> store, string? firestoreEmulator, string? directory, Action<IServiceCollection>? more = null)
    {
        var trigger = new RecordingTrigger();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddPaxGoogleCloud(o =>
        {
            o.FirestoreEmulatorHost = firestoreEmulator;
            o.Retry.InitialDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        });
        services.AddPaxOrchestration(o =>
        {
            foreach (var phase in phases)
            {
                phase.CustomTrigger ??= trigger;
                o.Phases.Add(phase);
            }

            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
            store(o);
        });
        more?.Invoke(services);
        return new TallyHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), trigger, time, directory, store, firestoreEmulator);
    }
}
