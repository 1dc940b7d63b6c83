using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Stores.Internal;

/// <summary>
/// Runs <see cref="FirestoreDatabaseHealthCheck"/> once when the host starts, in the background (startup is not
/// delayed), and logs an error naming the database when it is missing, so a deployment without one fails visibly in
/// its logs even before anything calls <c>/readyz</c>.
/// </summary>
internal sealed partial class FirestoreDatabaseStartupCheck : BackgroundService
{
    private readonly FirestoreDatabaseHealthCheck _check;
    private readonly ILogger<FirestoreDatabaseStartupCheck> _logger;

    public FirestoreDatabaseStartupCheck(FirestoreDatabaseHealthCheck check, ILogger<FirestoreDatabaseStartupCheck> logger)
    {
        _check = check;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
