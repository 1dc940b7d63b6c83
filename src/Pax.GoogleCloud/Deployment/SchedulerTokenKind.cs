namespace Pax.GoogleCloud.Deployment;

/// <summary>The token Cloud Scheduler puts in the <c>Authorization</c> header of a job's request; chosen by <see cref="SchedulerTarget"/>, never by the caller.</summary>
public enum SchedulerTokenKind
{
    /// <summary>An OAuth access token (<c>httpTarget.oauthToken</c>), for Google APIs on <c>*.googleapis.com</c> such as the Cloud Run Admin API.</summary>
    OAuth,

    /// <summary>An OIDC ID token (<c>httpTarget.oidcToken</c>), for Cloud Run services, functions and endpoints that verify the token themselves.</summary>
    Oidc,
}
