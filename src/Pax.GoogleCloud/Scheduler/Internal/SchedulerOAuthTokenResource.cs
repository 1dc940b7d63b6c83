namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary><c>httpTarget.oauthToken</c>: an access token of the service account, for Google APIs.</summary>
internal sealed class SchedulerOAuthTokenResource
{
    public string? ServiceAccountEmail { get; set; }

    public string? Scope { get; set; }
}
