using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Deployment.Internal;

/// <summary>Log events of the deployment helpers (stable ids 4201–4219).</summary>
internal static partial class DeploymentLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "{Member} holds roles/run.invoker on {Resource} (changed: {Changed}, attempts: {Attempts})")]
    public static partial void InvokerEnsured(ILogger logger, string member, string resource, bool changed, int attempts);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Scheduler job {JobName} {Outcome}: POST {Uri} on '{Schedule}' ({TimeZone}) with an OIDC token of {ServiceAccount}")]
    public static partial void TickScheduled(ILogger logger, string jobName, string outcome, Uri uri, string schedule, string timeZone, string serviceAccount);
}
