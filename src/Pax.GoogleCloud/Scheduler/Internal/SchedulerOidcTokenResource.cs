namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary><c>httpTarget.oidcToken</c>: an ID token of the service account, for Cloud Run services and other endpoints.</summary>
internal sealed class SchedulerOidcTokenResource
{
    public string? ServiceAccountEmail { get; set; }

    public string? Audience { get; set; }
}
