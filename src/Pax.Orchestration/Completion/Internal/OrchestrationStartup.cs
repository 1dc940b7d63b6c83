using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Watchdog.Internal;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>
/// When the host starts: a phase wider than the narrow layout on a store that cannot keep the wide one fails the start
/// (<see cref="WideFanInProblem"/>, naming the key and the fix); one log entry with the effective configuration (event
/// 4019: the store and what each phase waits for), so an operator sees what a deployment waits for; then, in the background once the first requests have
/// been answered (<see cref="DeferredStartupWork"/>), the first deployment of each phase with an expected schedule is
/// recorded (<see cref="PhaseDeployments"/>) so that expected run keys start there. A store that cannot be reached is
/// logged (event 4020) and asked again at the watchdog's next run. The store itself is not built here (for Firestore
/// that is its HTTP client and retry pipeline, for SQLite its driver): the first request or the deferred work builds it,
/// so it stays off the path to the first answer; a SQLite folder that cannot be created still stops the start.
/// </summary>
internal sealed class OrchestrationStartup : IHostedService
{
    private readonly OrchestrationOptions _options;
    private readonly OrchestrationStoreKind _store;
    private readonly Func<PhaseDeployments> _deployments;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly TimeProvider _time;
    private readonly Func<ICompletionStore>? _completionStore;
    private DeferredStartupWork? _deferred;

    public OrchestrationStartup(
        IOptions<OrchestrationOptions> options, OrchestrationStoreKind store, Func<PhaseDeployments> deployments, ILogger<OrchestrationStartup> logger, IHostApplicationLifetime? lifetime, TimeProvider time,
        Func<ICompletionStore>? completionStore = null)
    {
        _completionStore = completionStore;
        _options = options.Value;
        _store = store;
        _deployments = deployments;
        _logger = logger;
        _lifetime = lifetime;
        _time = time;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_completionStore is not null && WideFanInProblem(_options.Phases, _completionStore) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        if (_store == OrchestrationStoreKind.Sqlite)
        {
            // What the SQLite store does when it is built, here at start: a path whose folder cannot be created stops it.
            Pax.Orchestration.Stores.Internal.SqliteDatabasePath.Prepare(_options.Sqlite.Path, OrchestrationOptions.SectionName + ":Sqlite:Path");
        }

        OrchestrationLog.Configuration(_logger, _options.Phases.Count, EffectiveConfiguration.Store(_options, _store), EffectiveConfiguration.Phases(_options.Phases));
        if (_options.Phases.Any(p => p.Expected is { Start: null }))
        {
            _deferred = DeferredStartupWork.Start(_lifetime, _time, RecordFirstDeploymentsAsync);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_deferred is { } deferred)
        {
            await deferred.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Why the configured store cannot keep a phase wider than <see cref="CompletionLimits.MaxNarrowFanIn"/>, naming the
    /// key and the fix, or <see langword="null"/>: said at startup rather than at the report that would not fit. The
    /// store is resolved only when such a phase exists.
    /// </summary>
    internal static string? WideFanInProblem(IReadOnlyList<PhaseDefinition> phases, Func<ICompletionStore> store)
    {
        var index = phases.ToList().FindIndex(TallyLayout.IsWide);
        if (index < 0 || store() is var resolved && resolved is Stores.Internal.IWideTallyStore)
        {
            return null;
        }

        var phase = phases[index];
        var key = $"{OrchestrationOptions.SectionName}:Phases:{index}:" + (phase.Processors.Count > 0 ? "Processors" : "ExpectedCount");
        return $"{key} is {TallyLayout.FanIn(phase)} processors: more than {CompletionLimits.MaxNarrowFanIn} need the wide tally layout (one record per report, "
            + $"counted), which only the built-in stores keep, and the registered completion store {resolved.GetType().FullName} does not. "
            + $"Use {OrchestrationOptions.SectionName}:Store Firestore or Sqlite (and register no ICompletionStore of your own), or wait for at most {CompletionLimits.MaxNarrowFanIn} processors per phase.";
    }

    private async Task RecordFirstDeploymentsAsync(CancellationToken stoppingToken)
    {
        foreach (var phase in _options.Phases.Where(p => p.Expected is { Start: null }))
        {
            try
            {
                await _deployments().FirstDeployedAsync(phase, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OrchestrationLog.DeploymentNotRecorded(_logger, ex, phase.Name);
            }
        }
    }
}
