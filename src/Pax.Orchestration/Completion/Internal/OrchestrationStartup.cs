using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Watchdog.Internal;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>
/// When the host starts: one log entry with the effective configuration (event 4019: the store and what each phase
/// waits for), so an operator sees what a deployment waits for; then, in the background once the first requests have
/// been answered (<see cref="DeferredStartupWork"/>), the first deployment of each phase with an expected schedule is
/// recorded (<see cref="PhaseDeployments"/>) so that expected run keys start there. A store that cannot be reached is
/// logged (event 4020) and asked again at the watchdog's next run.
/// </summary>
internal sealed class OrchestrationStartup : BackgroundService
{
    private readonly OrchestrationOptions _options;
    private readonly OrchestrationStoreKind _store;
    private readonly PhaseDeployments _deployments;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly TimeProvider _time;

    public OrchestrationStartup(IOptions<OrchestrationOptions> options, OrchestrationStoreKind store, PhaseDeployments deployments, ILogger<OrchestrationStartup> logger, IHostApplicationLifetime? lifetime, TimeProvider time)
    {
        _options = options.Value;
        _store = store;
        _deployments = deployments;
        _logger = logger;
        _lifetime = lifetime;
        _time = time;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        OrchestrationLog.Configuration(_logger, _options.Phases.Count, EffectiveConfiguration.Store(_options, _store), EffectiveConfiguration.Phases(_options.Phases));
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Phases.Any(p => p.Expected is { Start: null }))
        {
            return;
        }

        await DeferredStartupWork.WaitAsync(_lifetime, _time, stoppingToken).ConfigureAwait(false);
        foreach (var phase in _options.Phases.Where(p => p.Expected is { Start: null }))
        {
            try
            {
                await _deployments.FirstDeployedAsync(phase, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OrchestrationLog.DeploymentNotRecorded(_logger, ex, phase.Name);
            }
        }
    }
}
