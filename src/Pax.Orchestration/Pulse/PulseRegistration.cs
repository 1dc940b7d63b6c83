using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Stores.Internal;

namespace Pax.Orchestration.Pulse;

/// <summary>
/// Registers the two pulse recorders (keyed <see cref="PulseScopes.PhasesKey"/> and <see cref="PulseScopes.SchedulerKey"/>),
/// each keeping its counts beside the built-in store it counts for: <c>pax_pulse</c> next to the tallies,
/// <c>scheduler_pulse</c> next to the jobs (a Firestore collection, or a table in the SQLite file). A custom store gets
/// no recorder (the key resolves to <see langword="null"/>): the dashboard then says the pulse is not kept.
/// </summary>
internal static class PulseRegistration
{
    public const string PhasesCollection = "pax_pulse";
    public const string SchedulerCollection = "scheduler_pulse";

    public static void AddPhasePulse(IServiceCollection services) => Add(services, PulseScopes.PhasesKey, "phases", sp => sp.GetRequiredService<ICompletionStore>() switch
    {
        FirestoreCompletionStore firestore => new FirestorePulseStore(sp.GetRequiredService<FirestoreClient>(), firestore.ProjectId, PhasesCollection),
        SqliteCompletionStore => new SqlitePulseStore(
            SqliteDatabasePath.Prepare(sp.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Sqlite.Path, OrchestrationOptions.SectionName + ":Sqlite:Path"), PhasesCollection),
        _ => null,
    });

    public static void AddSchedulerPulse(IServiceCollection services) => Add(services, PulseScopes.SchedulerKey, "scheduler", sp => sp.GetRequiredService<IScheduledJobStore>() switch
    {
        FirestoreScheduledJobStore firestore => new FirestorePulseStore(sp.GetRequiredService<FirestoreClient>(), firestore.ProjectId, SchedulerCollection),
        SqliteScheduledJobStore => new SqlitePulseStore(
            SqliteDatabasePath.Prepare(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.Sqlite.Path, SchedulingOptions.SectionName + ":Sqlite:Path"), SchedulerCollection),
        _ => null,
    });

    private static void Add(IServiceCollection services, string key, string name, Func<IServiceProvider, IPulseStore?> store)
    {
        services.TryAddSingleton(sp => new PulseSource(sp));
        services.TryAddKeyedSingleton<PulseRecorder>(key, (sp, _) => Create(name, store(sp), sp)!);
    }

    private static PulseRecorder? Create(string name, IPulseStore? store, IServiceProvider services) => store is null
        ? null
        : new PulseRecorder(
            name,
            store,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Pax.Orchestration.Pulse"),
            services.GetRequiredService<IMeterFactory>());
}
