using System.Globalization;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Hosting;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>
/// What a failed trigger attempt is called where operators look: the message kept with the tally
/// (<see cref="TriggerError.Message"/>) and the few stable words of the <c>reason</c> tag of
/// <c>pax.orchestration.triggers{outcome=failed}</c>.
/// </summary>
internal static class TriggerFailureText
{
    /// <summary>
    /// The message: for a Google API, <c>HTTP 403 PERMISSION_DENIED: …</c> (status, Google's status name, Pax's message
    /// with Google's); for a timeout, which bound was hit; otherwise the exception's message. One line, well-formed,
    /// at most <see cref="CompletionLimits.MaxTriggerErrorLength"/> characters.
    /// </summary>
    public static string Describe(Exception exception, bool timedOut, TimeSpan triggerTimeout)
    {
        var text = exception switch
        {
            _ when timedOut => string.Create(
                CultureInfo.InvariantCulture,
                $"the trigger did not finish within {OrchestrationOptions.SectionName}:TriggerTimeout ({triggerTimeout}); it may still have landed, so its re-drive is flagged for the receiver to deduplicate"),
            GoogleApiException google => string.Create(
                CultureInfo.InvariantCulture,
                $"HTTP {(int)google.HttpStatus} {google.Status ?? google.HttpStatus.ToString()}: {google.Message}"),
            _ => exception.Message,
        };
        var line = WellFormedText.Repair(StartupFailureReporter.OneLine(text))!;
        return line.Length <= CompletionLimits.MaxTriggerErrorLength ? line : string.Concat(line.AsSpan(0, CompletionLimits.MaxTriggerErrorLength - 1), "…");
    }

    /// <summary>
    /// The metric's reason: <c>timeout</c>; Google's status name in lower case for a Google API (<c>permission_denied</c>,
    /// <c>not_found</c>, …, or <c>http_NNN</c> without one); <c>http_NNN</c> for an endpoint that answered with an error
    /// status (a URL trigger's 401, 403 or 500); <c>transport</c> when the request did not complete; <c>error</c> for
    /// anything else (an in-process handler that threw, say).
    /// </summary>
    public static string Reason(Exception exception, bool timedOut) => exception switch
    {
        _ when timedOut => "timeout",
        GoogleApiException { Status: { Length: > 0 } status } => status.ToLowerInvariant(),
        GoogleApiException google => string.Create(CultureInfo.InvariantCulture, $"http_{(int)google.HttpStatus}"),
        HttpRequestException { StatusCode: { } code } => string.Create(CultureInfo.InvariantCulture, $"http_{(int)code}"),
        HttpRequestException => "transport",
        _ => "error",
    };
}
