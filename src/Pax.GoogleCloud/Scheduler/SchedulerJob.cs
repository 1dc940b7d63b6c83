using Pax.GoogleCloud.Deployment;

namespace Pax.GoogleCloud.Scheduler;

/// <summary>A Cloud Scheduler job as Cloud Scheduler returned it (HTTP target fields; other target kinds leave them <see langword="null"/>).</summary>
internal sealed class SchedulerJob
{
    internal SchedulerJob(string name)
    {
        Name = name;
    }

    /// <summary>Gets the resource name: <c>projects/{p}/locations/{l}/jobs/{id}</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the unix-cron schedule.</summary>
    public string? Schedule { get; init; }

    /// <summary>Gets the time zone the schedule is read in.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the state: <c>ENABLED</c>, <c>PAUSED</c>, <c>DISABLED</c> or <c>UPDATE_FAILED</c> (an update that did not complete: write the job again).</summary>
    public string? State { get; init; }

    /// <summary>Gets the URL the job calls.</summary>
    public Uri? Uri { get; init; }

    /// <summary>Gets the HTTP method, such as <c>POST</c>.</summary>
    public string? HttpMethod { get; init; }

    /// <summary>Gets the token kind the job sends, or <see langword="null"/> when it sends none.</summary>
    public SchedulerTokenKind? TokenKind { get; init; }

    /// <summary>Gets the service account whose token the job sends.</summary>
    public string? ServiceAccountEmail { get; init; }

    /// <summary>Gets the OAuth scope (OAuth tokens).</summary>
    public string? OAuthScope { get; init; }

    /// <summary>Gets the ID token's audience (OIDC tokens).</summary>
    public string? OidcAudience { get; init; }

    /// <summary>Gets the attempt deadline.</summary>
    public TimeSpan? AttemptDeadline { get; init; }

    /// <summary>Gets when a user last created or updated the job.</summary>
    public DateTimeOffset? UserUpdateTime { get; init; }

    /// <summary>Gets the HTTP body the job sends (<c>httpTarget.body</c>, decoded from base64), empty when none (read by <c>pax doctor</c>).</summary>
    internal ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the <c>google.rpc.Code</c> of the target's answer to the last attempt (<c>status.code</c>; 0 is OK), or <see langword="null"/> when there is none.</summary>
    internal int? LastAttemptCode { get; init; }

    /// <summary>Gets the message of the target's answer to the last attempt (<c>status.message</c>).</summary>
    internal string? LastAttemptMessage { get; init; }

    /// <summary>Gets when the last attempt started (<c>lastAttemptTime</c>), or <see langword="null"/> before the first.</summary>
    internal DateTimeOffset? LastAttemptTime { get; init; }
}
