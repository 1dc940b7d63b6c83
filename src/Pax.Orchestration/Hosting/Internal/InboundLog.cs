using Microsoft.Extensions.Logging;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// The inbound token check's log events, the same for every endpoint Pax guards (push intake, operator endpoints, tick
/// and job API): authentication off (4015), tokens Cloud Run did not check (4040), the check unavailable (4041).
/// </summary>
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 4015, EventName = "AuthenticationOff", Level = LogLevel.Warning, Message = "{Section}:Authentication:Mode is None: every endpoint accepts requests from anyone. Use it only for local runs and emulators")]
    public static partial void AuthenticationOff(ILogger logger, string section);

    [LoggerMessage(
        EventId = 4040,
        EventName = "UncheckedToken",
        Level = LogLevel.Error,
        Message = "{Count} request(s) refused with 401 since the last such line (latest on {Path}): CloudRunIam received a token Cloud Run did not check " +
            "(its signature part is not SIGNATURE_REMOVED_BY_GOOGLE). The service lets unauthenticated requests in (deployed with --allow-unauthenticated " +
            "or --no-invoker-iam-check) or was reached around Cloud Run: require authentication on it (gcloud run services remove-iam-policy-binding SERVICE " +
            "--member=allUsers --role=roles/run.invoker, then gcloud run services update SERVICE --invoker-iam-check), or use VerifySignature " +
            "on a public service. Logged at most once a minute")]
    private static partial void LogUncheckedToken(ILogger logger, int count, string path);

    public static void UncheckedToken(ILogger logger, int count, string path) =>
        LogUncheckedToken(logger, count, LogText.Escape(path)!);

    [LoggerMessage(EventId = 4041, EventName = "TokenCheckUnavailable", Level = LogLevel.Error, Message = "{Endpoint}: the ID token could not be verified now (VerifySignature: Google's signing certificates could not be fetched); answering 503 so the caller retries")]
    private static partial void LogTokenCheckUnavailable(ILogger logger, Exception exception, string endpoint);

    public static void TokenCheckUnavailable(ILogger logger, Exception exception, string endpoint) =>
        LogTokenCheckUnavailable(logger, exception, LogText.Escape(endpoint)!);
}
