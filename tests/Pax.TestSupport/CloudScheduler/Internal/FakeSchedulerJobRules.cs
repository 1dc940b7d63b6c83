using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudScheduler.Internal;

/// <summary>
/// The documented rules of the v1 Job resource for HTTP targets (cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs):
/// field names, types, required fields, ranges and the <c>authorization_header</c> oneof. It does not judge which token
/// suits which URL: the real API accepts an OIDC token for a <c>*.googleapis.com</c> URL, so the fake does too.
/// </summary>
internal static partial class FakeSchedulerJobRules
{
    public static readonly string[] OutputOnly = ["state", "status", "scheduleTime", "lastAttemptTime", "userUpdateTime"];

    private static readonly string[] JobFields =
        ["name", "description", "schedule", "timeZone", "httpTarget", "pubsubTarget", "appEngineHttpTarget", "attemptDeadline", "retryConfig", .. OutputOnly];

    private static readonly string[] Methods = ["POST", "GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"];
    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH"];

    /// <summary>Returns why <paramref name="job"/> is refused, or <see langword="null"/>; <paramref name="complete"/> demands the fields a stored job needs.</summary>
    public static string? Validate(JsonObject job, bool complete)
    {
        string? error = StrictJson.UnknownField(job, "job", JobFields);
        if (job.ContainsKey("pubsubTarget") || job.ContainsKey("appEngineHttpTarget"))
        {
            return "FakeCloudSchedulerServer implements HTTP targets only; extend it rather than relying on the real API's behaviour.";
        }

        var schedule = StrictJson.String(job, "schedule", "job", ref error);
        var timeZone = StrictJson.String(job, "timeZone", "job", ref error);
        var description = StrictJson.String(job, "description", "job", ref error);
        var deadline = StrictJson.String(job, "attemptDeadline", "job", ref error);
        var target = StrictJson.Object(job, "httpTarget", "job", ref error);
        var retry = StrictJson.Object(job, "retryConfig", "job", ref error);
        StrictJson.String(job, "name", "job", ref error);
        error ??= complete && schedule is null ? "Job.schedule is required." : null;
        error ??= schedule is not null && !CronPattern().IsMatch(schedule) ? $"Schedule '{schedule}' is not a valid unix-cron schedule." : null;
        error ??= timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _) ? $"Invalid time zone '{timeZone}'." : null;
        error ??= description is { Length: > 500 } ? "Job.description must be at most 500 characters." : null;
        error ??= deadline is not null && CheckDuration(deadline, "attemptDeadline", 15, 1800) is { } bad ? bad : null;
        error ??= complete && target is null ? "Job.httpTarget is required (the fake implements HTTP targets only)." : null;
        error ??= target is null ? null : ValidateTarget(target, complete);
        return error ?? (retry is null ? null : ValidateRetry(retry));
    }

    /// <summary><paramref name="complete"/>: a stored target needs its <c>uri</c>; a patch's need not (its mask may name other fields only).</summary>
    private static string? ValidateTarget(JsonObject target, bool complete)
    {
        string? error = StrictJson.UnknownField(target, "job.http_target", "uri", "httpMethod", "headers", "body", "oauthToken", "oidcToken");
        var uri = StrictJson.String(target, "uri", "job.httpTarget", ref error);
        var method = StrictJson.String(target, "httpMethod", "job.httpTarget", ref error) ?? "POST";
        var body = StrictJson.String(target, "body", "job.httpTarget", ref error);
        var headers = StrictJson.Object(target, "headers", "job.httpTarget", ref error);
        var oauth = StrictJson.Object(target, "oauthToken", "job.httpTarget", ref error);
        var oidc = StrictJson.Object(target, "oidcToken", "job.httpTarget", ref error);
        error ??= uri is null && complete ? "HttpTarget.uri is required." : null;
        error ??= uri is not null && (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != "https" && parsed.Scheme != "http"))
            ? $"HttpTarget.uri '{uri}' must begin with http:// or https://." : null;
        error ??= uri?.Length > 2083 ? "HttpTarget.uri is longer than 2083 characters." : null;
        error ??= !Methods.Contains(method, StringComparer.Ordinal) ? $"Invalid value at 'job.http_target.http_method' (type.googleapis.com/google.cloud.scheduler.v1.HttpMethod), \"{method}\"" : null;
        error ??= body is not null && !IsBase64(body) ? "Invalid value at 'job.http_target.body' (TYPE_BYTES), Base64 decoding failed." : null;
        error ??= body is not null && !BodyMethods.Contains(method, StringComparer.Ordinal) ? $"A body is allowed only with POST, PUT or PATCH, not {method}." : null;
        error ??= headers is not null && headers.Any(h => h.Value?.GetValueKind() != JsonValueKind.String) ? "HttpTarget.headers values must be strings." : null;
        error ??= oauth is not null && oidc is not null ? "Only one of oauthToken and oidcToken may be set (oneof authorization_header)." : null;
        error ??= oauth is null ? null : ValidateToken(oauth, "oauth_token", "scope");
        return error ?? (oidc is null ? null : ValidateToken(oidc, "oidc_token", "audience"));
    }

    private static string? ValidateToken(JsonObject token, string at, string other)
    {
        string? error = StrictJson.UnknownField(token, $"job.http_target.{at}", "serviceAccountEmail", other);
        var account = StrictJson.String(token, "serviceAccountEmail", at, ref error);
        StrictJson.String(token, other, at, ref error);
        return error ?? (account is null || !account.EndsWith(".gserviceaccount.com", StringComparison.OrdinalIgnoreCase) || !account.Contains('@', StringComparison.Ordinal)
            ? $"{at}.serviceAccountEmail '{account}' must be a service account email."
            : null);
    }

    private static string? ValidateRetry(JsonObject retry)
    {
        string? error = StrictJson.UnknownField(retry, "job.retry_config", "retryCount", "maxRetryDuration", "minBackoffDuration", "maxBackoffDuration", "maxDoublings");
        var count = StrictJson.Integer(retry, "retryCount", "job.retryConfig", ref error);
        var doublings = StrictJson.Integer(retry, "maxDoublings", "job.retryConfig", ref error);
        error ??= count is < 0 or > 5 ? $"RetryConfig.retryCount must be between 0 and 5, was {count}." : null;
        error ??= doublings < 0 ? $"RetryConfig.maxDoublings must not be negative, was {doublings}." : null;
        foreach (var name in new[] { "maxRetryDuration", "minBackoffDuration", "maxBackoffDuration" })
        {
            var value = StrictJson.String(retry, name, "job.retryConfig", ref error);
            error ??= value is null ? null : CheckDuration(value, name, 0, long.MaxValue);
        }

        return error;
    }

    private static string? CheckDuration(string value, string name, long minSeconds, long maxSeconds)
    {
        var match = DurationPattern().Match(value);
        if (!match.Success)
        {
            return $"Invalid value at '{name}' (type.googleapis.com/google.protobuf.Duration), Field '{name}', Illegal duration format; duration must end with 's'";
        }

        var seconds = decimal.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return seconds < minSeconds || seconds > maxSeconds ? $"{name} {value} is out of range ({minSeconds}s to {maxSeconds}s)." : null;
    }

    private static bool IsBase64(string value) =>
        Base64.IsValid(value) || Base64.IsValid(value.Replace('-', '+').Replace('_', '/').PadRight((value.Length + 3) / 4 * 4, '='));

    [GeneratedRegex(@"^\S+(\s+\S+){4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d{1,9})?)s$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
