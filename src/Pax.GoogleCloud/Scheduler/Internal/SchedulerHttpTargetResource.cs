namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary>The job resource's <c>httpTarget</c>; exactly one of <see cref="OauthToken"/> and <see cref="OidcToken"/> is set (a oneof).</summary>
internal sealed class SchedulerHttpTargetResource
{
    public string? Uri { get; set; }

    public string? HttpMethod { get; set; }

    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The body; System.Text.Json writes <c>byte[]</c> as base64, which is how the API carries <c>bytes</c>.</summary>
    public byte[]? Body { get; set; }

    public SchedulerOAuthTokenResource? OauthToken { get; set; }

    public SchedulerOidcTokenResource? OidcToken { get; set; }
}
