using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary>Maps a <see cref="SchedulerJobDefinition"/> to the Job resource and the resource to a <see cref="SchedulerJob"/>.</summary>
internal static class SchedulerJobMapping
{
    /// <summary>
    /// The fields an update replaces, so the job ends up as defined: each by its leaf path, as gcloud names them
    /// (googlecloudsdk/command_lib/scheduler/util.py, <c>UpdateHTTPMaskHook</c>), and a path the request leaves empty is
    /// cleared to Cloud Scheduler's default. Not <c>httpTarget</c> or <c>retryConfig</c> whole: a sub-message named last
    /// in a field mask "will be merged into the existing sub-message" (google/protobuf/field_mask.proto), so a removed
    /// header would stay, a body could not be cleared and an unset retry setting would keep its old value.
    /// </summary>
    public const string UpdateMask =
        "description,schedule,timeZone,attemptDeadline," +
        "retryConfig.retryCount,retryConfig.maxRetryDuration,retryConfig.minBackoffDuration,retryConfig.maxBackoffDuration,retryConfig.maxDoublings," +
        "httpTarget.uri,httpTarget.httpMethod,httpTarget.headers,httpTarget.body," +
        "httpTarget.oauthToken.serviceAccountEmail,httpTarget.oauthToken.scope,httpTarget.oidcToken.serviceAccountEmail,httpTarget.oidcToken.audience";

    public static SchedulerJobResource ToResource(SchedulerJobDefinition definition)
    {
        var target = definition.Target;
        return new SchedulerJobResource
        {
            Name = definition.Name,
            Description = definition.Description,
            Schedule = definition.Schedule,
            TimeZone = definition.TimeZone,
            AttemptDeadline = definition.AttemptDeadline is { } deadline ? GoogleDuration.Format(deadline) : null,
            RetryConfig = ToResource(definition.RetryConfig),
            HttpTarget = new SchedulerHttpTargetResource
            {
                Uri = target.Uri.AbsoluteUri,
                HttpMethod = target.HttpMethod.Method,
                Headers = target.Headers.Count == 0 ? null : new Dictionary<string, string>(target.Headers, StringComparer.Ordinal),
                Body = target.Body.IsEmpty ? null : target.Body.ToArray(),
                OauthToken = target.TokenKind == SchedulerTokenKind.OAuth
                    ? new SchedulerOAuthTokenResource { ServiceAccountEmail = target.ServiceAccountEmail, Scope = target.OAuthScope }
                    : null,
                OidcToken = target.TokenKind == SchedulerTokenKind.Oidc
                    ? new SchedulerOidcTokenResource { ServiceAccountEmail = target.ServiceAccountEmail, Audience = target.OidcAudience }
                    : null,
            },
        };
    }

    public static SchedulerJob ToJob(SchedulerJobResource resource, string fallbackName)
    {
        var http = resource.HttpTarget;
        return new SchedulerJob(resource.Name ?? fallbackName)
        {
            Schedule = resource.Schedule,
            TimeZone = resource.TimeZone,
            Description = resource.Description,
            State = resource.State,
            Uri = http?.Uri is { } uri && System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null,
            HttpMethod = http?.HttpMethod,
            TokenKind = http?.OauthToken is not null ? SchedulerTokenKind.OAuth : http?.OidcToken is not null ? SchedulerTokenKind.Oidc : null,
            ServiceAccountEmail = http?.OauthToken?.ServiceAccountEmail ?? http?.OidcToken?.ServiceAccountEmail,
            OAuthScope = http?.OauthToken?.Scope,
            OidcAudience = http?.OidcToken?.Audience,
            AttemptDeadline = GoogleDuration.Parse(resource.AttemptDeadline),
            UserUpdateTime = resource.UserUpdateTime,
            Body = http?.Body ?? ReadOnlyMemory<byte>.Empty,
            LastAttemptCode = resource.Status is { } status ? status.Code ?? 0 : null,
            LastAttemptMessage = resource.Status?.Message,
            LastAttemptTime = resource.LastAttemptTime,
        };
    }

    private static SchedulerRetryConfigResource? ToResource(SchedulerRetryConfig? config) => config is null ? null : new SchedulerRetryConfigResource
    {
        RetryCount = config.RetryCount,
        MaxRetryDuration = Format(config.MaxRetryDuration),
        MinBackoffDuration = Format(config.MinBackoffDuration),
        MaxBackoffDuration = Format(config.MaxBackoffDuration),
        MaxDoublings = config.MaxDoublings,
    };

    private static string? Format(TimeSpan? value) => value is { } duration ? GoogleDuration.Format(duration) : null;
}
