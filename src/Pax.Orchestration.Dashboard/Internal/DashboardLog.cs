using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>The dashboard's log events (43xx).</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 4301, EventName = "DashboardUnauthenticated", Level = LogLevel.Warning, Message = "Dashboard request {Method} {Path} refused ({Mode}): {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string method, string path, string mode, string reason);

    [LoggerMessage(EventId = 4302, EventName = "DashboardAction", Level = LogLevel.Warning, Message = "Dashboard action {Action} on {Target} by {Principal}: {Outcome}")]
    public static partial void Action(ILogger logger, string action, string target, string principal, string outcome);

    [LoggerMessage(EventId = 4303, EventName = "DashboardActionRefused", Level = LogLevel.Warning, Message = "Dashboard action {Action} on {Target} by {Principal} refused: {Reason}")]
    public static partial void ActionRefused(ILogger logger, string action, string target, string principal, string reason);

    [LoggerMessage(EventId = 4304, EventName = "DashboardStoreUnavailable", Level = LogLevel.Error, Message = "Dashboard could not read the store")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    /// <summary>Pax.Orchestration's event 4041, for a dashboard request: the same id and words on every guarded endpoint.</summary>
    [LoggerMessage(EventId = 4041, EventName = "TokenCheckUnavailable", Level = LogLevel.Error, Message = "{Endpoint}: the ID token could not be verified now (VerifySignature: Google's signing certificates could not be fetched); answering 503 so the caller retries")]
    public static partial void TokenCheckUnavailable(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(EventId = 4305, EventName = "DashboardBadArgument", Level = LogLevel.Warning, Message = "Dashboard request refused by the store as a bad argument")]
    public static partial void BadArgument(ILogger logger, Exception exception);
}
