using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pax.CameraSimulator;
using Pax.Collection.Cameras;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collection.Snapshots;
using Pax.Demo.NextPhases;
using Pax.Demo.Tracing;
using Pax.GoogleCloud.Hosting;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Processing;
using Pax.Orchestration.Stores;

namespace Pax.Demo.Pipeline;

/// <summary>
/// The whole pipeline in one process, composed from the libraries with embedded defaults only: the camera simulator on
/// a loopback port, the collector (Pax.Collection) as a Job of <see cref="DemoPhases.CollectorTasks"/> tasks into a
/// folder, completions through the in-process transport into the orchestrator's SQLite tally (Pax.Orchestration), the
/// next phases through in-process triggers. Nothing here talks to Google: no credentials, no emulator, no network
/// beyond 127.0.0.1.
/// </summary>
public sealed class DemoPipeline : IAsyncDisposable
{
    private const string Area = "purple-corridor";
    private readonly CameraSimulatorServer _simulator;
    private readonly WebApplication _app;
    private readonly DemoTimeline _timeline;
    private readonly DemoSettings _settings;

    private DemoPipeline(CameraSimulatorServer simulator, WebApplication app, DemoTimeline timeline, DemoSettings settings)
    {
        _simulator = simulator;
        _app = app;
        _timeline = timeline;
        _settings = settings;
    }

    /// <summary>Gets the composed services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the camera simulator and composes the pipeline (nothing runs yet).</summary>
    /// <param name="settings">The demo's settings.</param>
    /// <param name="environment">The process environment.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The pipeline; dispose it to stop the simulator.</returns>
    public static async Task<DemoPipeline> StartAsync(DemoSettings settings, DemoEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var timeline = new DemoTimeline(environment.TimeProvider);
        var simulatorOptions = new CameraSimulatorOptions { Cameras = 100, Seed = 7 };
        var simulator = await CameraSimulatorServer.StartAsync(simulatorOptions, "http://127.0.0.1:0", environment.TimeProvider, cancellationToken);
        timeline.Add("simulator", string.Create(CultureInfo.InvariantCulture, $"NYCTMC-compatible camera API on {simulator.BaseAddress} ({simulatorOptions.Cameras} cameras, seed {simulatorOptions.Seed})"));
        try
        {
            return new DemoPipeline(simulator, Compose(settings, environment, simulator.BaseAddress, timeline), timeline, settings);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one slot: the collector's tasks at once, each reporting its completion; the phases follow by themselves.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What happened.</returns>
    public async Task<DemoOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var time = Services.GetRequiredService<TimeProvider>();
        var collection = Services.GetRequiredService<IOptions<CollectionOptions>>().Value;
        var slot = SnapshotSlots.Floor(_settings.Slot ?? time.GetUtcNow(), collection.SlotInterval);
        var runKey = PhaseHandover.SlotRunKey(slot);

        // One trace for the slot, as a Cloud Run Job execution started with TRACEPARENT gives its tasks: every span of the
        // run is in it, the next phases' included (each trigger runs in the trace of the report that completed its phase).
        using var trace = new SlotTrace();
        CollectionReport[] reports;
        using (trace.Start(runKey))
        {
            _timeline.Add("collector", $"Job execution of {DemoPhases.CollectorTasks} tasks for slot {runKey}, area '{Area}', into {Path.GetFullPath(_settings.Out)}");
            reports = await Task.WhenAll(Enumerable.Range(0, DemoPhases.CollectorTasks).Select(index => RunTaskAsync(index, slot, cancellationToken)));

            var watchdog = await Services.GetRequiredService<CompletionWatchdog>().RunAsync(cancellationToken);
            _timeline.Add("watchdog", string.Create(CultureInfo.InvariantCulture, $"{watchdog.Examined} untriggered tallies examined, {watchdog.Redriven.Count} re-driven, {watchdog.Overdue.Count} overdue"));
        }

        var tally = Services.GetRequiredService<CompletionTally>();
        var phases = new List<DemoPhaseResult>();
        foreach (var phase in tally.Phases)
        {
            var progress = await tally.GetStatusAsync(phase.Name, runKey, cancellationToken);
            phases.Add(new DemoPhaseResult(phase.Name, progress!, _timeline.StartsAfter(phase.Name, runKey)));
        }

        var folder = Path.GetFullPath(Path.Combine(_settings.Out, SnapshotKey.GetSlotPath(slot)));
        return new DemoOutcome
        {
            RunKey = runKey,
            SlotFolder = folder,
            Reports = reports,
            Snapshots = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.jpg").Count() : 0,
            Phases = phases,
            ContactSheet = Path.Combine(folder, DemoPhases.ContactSheetFile),
            TallyDatabase = Path.GetFullPath(Services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Sqlite.Path),
            Steps = _timeline.Steps,
            TraceId = trace.TraceId.ToHexString(),
            Trace = trace.Tree(),
        };
    }

    /// <summary>
    /// Keeps the orchestrator's endpoints up until <paramref name="cancellationToken"/> fires (Ctrl+C): the push intake, tallies,
    /// watchdog and health (<c>MapPaxOrchestration</c>), the tick scheduler (<c>MapPaxScheduling</c>) and the dashboard
    /// (<c>MapPaxDashboard("/pax")</c>, read-only), on loopback, without authentication.
    /// </summary>
    /// <param name="ready">Called with the listening addresses once the endpoints are up.</param>
    /// <param name="cancellationToken">Stops serving.</param>
    /// <returns>A task that completes when the endpoints are down.</returns>
    public async Task ServeAsync(Action<IReadOnlyCollection<string>> ready, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ready);
        _app.MapPaxOrchestration();
        _app.MapPaxScheduling();

        _app.MapPaxDashboard("/pax");

        await _app.StartAsync(cancellationToken);
        ready([.. _app.Urls]);
        // Until Ctrl+C (the token) or the host is told to stop by other means (SIGTERM to the host, a test stopping it).
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => stopped.TrySetResult()))
        await using (_app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task;
        }

        await _app.StopAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private async Task<CollectionReport> RunTaskAsync(int index, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var processor = $"collector/{index}";
        _timeline.Add(processor, $"task {index} of {DemoPhases.CollectorTasks} starts");
        var runner = Services.GetRequiredService<CollectionRunner>();
        var task = new CloudRunTaskInfo(index, DemoPhases.CollectorTasks, 0, "pax-demo-local", "pax-collector");
        var report = await runner.RunAsync(new CollectionRequest { Selection = CameraSelection.ForArea(Area), Slot = slot, Task = task }, cancellationToken);
        _timeline.Add(processor, string.Create(
            CultureInfo.InvariantCulture,
            $"task done: {report.Count(CameraOutcomeKind.Stored)} stored, {report.Count(CameraOutcomeKind.AlreadyStored)} already stored, of {report.Eligible} eligible; {CollectionReport.GetBaseName(task)}.html"));
        return report;
    }

    private static WebApplication Compose(DemoSettings settings, DemoEnvironment environment, Uri cameraApi, DemoTimeline timeline)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DemoPipeline).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });

        // Embedded defaults only: no appsettings.json, no environment variables (a FIRESTORE_EMULATOR_HOST or PUBSUB_EMULATOR_HOST
        // in the shell changes nothing), so the demo runs the same on any machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

        // A failed start (a port in use for --serve) is the one error: line DemoApp prints, not also the host's entry with its stack.
        StartupFailureReporter.ForProcess().ConfigureLogging(builder.Logging);
        builder.WebHost.UseUrls(settings.Urls);
        Directory.CreateDirectory(settings.Out);
        var services = builder.Services;
        services.AddSingleton(environment.TimeProvider);
        services.AddSingleton(timeline);

        AddCollector(services, settings, cameraApi);
        AddOrchestrator(services, settings);

        // The one line that swaps Pub/Sub for the in-process transport; the demo then wraps it to show each report.
        services.AddPaxInProcessCompletions();
        services.RemoveAll<ICompletionPublisher>();
        services.AddSingleton<ICompletionPublisher>(sp => new TimelinePublisher(sp.GetRequiredService<InProcessCompletionPublisher>(), sp.GetRequiredService<DemoTimeline>()));
        environment.ConfigureServices?.Invoke(services);
        return builder.Build();
    }

    /// <summary>The collector Job: a folder sink, the simulator as camera API, completions to the demo's topic and phase.</summary>
    private static void AddCollector(IServiceCollection services, DemoSettings settings, Uri cameraApi)
    {
        services.AddPaxCollection(o =>
        {
            o.Sink = settings.Out;
            o.CompletionTopic = DemoPhases.CompletionTopic;
            o.CompletionPhase = DemoPhases.Collect;
        });
        services.Configure<NyctmcOptions>(o => o.BaseAddress = cameraApi);
    }

    /// <summary>The orchestrator: SQLite tallies for two phases, each starting an in-process next-phase handler; the tick scheduler for --serve.</summary>
    private static void AddOrchestrator(IServiceCollection services, DemoSettings settings)
    {
        services.AddPaxOrchestration(o =>
        {
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = Path.Combine(settings.Out, "orchestration.db");
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Phases.Add(new PhaseDefinition
            {
                Name = DemoPhases.Collect,
                Processors = [.. Enumerable.Range(0, DemoPhases.CollectorTasks).Select(i => $"collector/{i}")],
                Trigger = new PhaseTriggerOptions { Handler = DemoPhases.ContactSheetHandler },
            });
            o.Phases.Add(new PhaseDefinition
            {
                Name = DemoPhases.ContactSheet,
                Processors = [DemoPhases.ContactSheetHandler],
                Trigger = new PhaseTriggerOptions { Handler = DemoPhases.SlotReadyHandler },
            });
        });
        services.AddNextPhaseHandler<ContactSheetHandler>(DemoPhases.ContactSheetHandler);
        services.AddNextPhaseHandler<SlotReadyHandler>(DemoPhases.SlotReadyHandler);
        services.AddPaxScheduling(o =>
        {
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = Path.Combine(settings.Out, "scheduling.db");
            o.Authentication.Mode = InboundAuthenticationMode.None;
        });

        // Read-only pages over both stores (AllowActions stays false); on loopback only, so no token check.
        services.AddPaxDashboard(o => o.Authentication.Mode = InboundAuthenticationMode.None);
    }
}
