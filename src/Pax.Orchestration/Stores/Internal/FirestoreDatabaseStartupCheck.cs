using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pax.Orchestration.Hosting.Internal;

namespace Pax.Orchestration.Stores.Internal;

/// <summary>
/// Runs <see cref="FirestoreDatabaseHealthCheck"/> once after the host has started, in the background once the first
/// requests have been answered (<see cref="DeferredStartupWork"/>: startup and the first request are not delayed), and
/// logs an error naming the database when it is missing, so a deployment without one fails visibly in its logs even
/// before anything calls <c>/readyz</c>.
/// </summary>
internal sealed partial class FirestoreDatabaseStartupCheck : IHostedService
{
    private readonly FirestoreDatabaseHealthCheck _check;
    private readonly ILogger<FirestoreDatabaseStartupCheck> _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly TimeProvider _time;
    private DeferredStartupWork? _deferred;

    public FirestoreDatabaseStartupCheck(FirestoreDatabaseHealthCheck check, ILogger<FirestoreDatabaseStartupCheck> logger, IHostApplicationLifetime? lifetime, TimeProvider time)
    {
        _check = check;
        _logger = logger;
        _lifetime = lifetime;
        _time = time;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _deferred = DeferredStartupWork.Start(_lifetime, _time, CheckAsync);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_deferred is { } deferred)
        {
            await deferred.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        var registration = new HealthCheckRegistration(FirestoreDatabaseHealthCheck.Name, _check, HealthStatus.Unhealthy, [FirestoreDatabaseHealthCheck.ReadyTag]);
        HealthCheckResult result;
        try
        {
            result = await _check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // A store that cannot even be built (bad configuration) must not stop the host from here: log it.
            result = HealthCheckResult.Unhealthy(ex.Message, ex);
        }

        if (result.Status == HealthStatus.Healthy)
        {
            DatabaseChecked(_logger, result.Description ?? string.Empty);
        }
        else
        {
            DatabaseUnavailable(_logger, result.Exception, result.Description ?? string.Empty);
        }
    }

    [LoggerMessage(EventId = 4090, Level = LogLevel.Information, Message = "Startup check: {Description}")]
    private static partial void DatabaseChecked(ILogger logger, string description);

    [LoggerMessage(EventId = 4091, Level = LogLevel.Error, Message = "Startup check failed; /readyz answers 503 until it passes: {Description}")]
    private static partial void DatabaseUnavailable(ILogger logger, Exception? exception, string description);
}
