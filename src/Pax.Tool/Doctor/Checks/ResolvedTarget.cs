using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>A called URL and, when known, the Cloud Run service or job behind it.</summary>
/// <param name="Kind">What the URL is.</param>
/// <param name="Url">The URL.</param>
/// <param name="Service">The service, for <see cref="TargetKind.CloudRunService"/>.</param>
/// <param name="JobName">The job <c>projects/P/locations/R/jobs/J</c>, for <see cref="TargetKind.CloudRunJobRun"/>.</param>
/// <param name="Job">The job as read, when it was.</param>
internal sealed record ResolvedTarget(TargetKind Kind, Uri Url, ServiceState? Service = null, string? JobName = null, JobState? Job = null)
{
    /// <summary>Gets whether the target is a Google API (takes OAuth access tokens, answers an ID token with 401).</summary>
    public bool IsGoogleApi => Kind is TargetKind.CloudRunJobRun or TargetKind.GoogleApi;

    /// <summary>Gets whether the target is a Cloud Run / Cloud Functions URL (takes ID tokens).</summary>
    public bool IsRunUrl => Kind is TargetKind.CloudRunService or TargetKind.UnknownCloudRunService or TargetKind.CloudFunction;

    /// <summary>Gets the name reported as the finding's target: the Cloud Run resource when known, else the URL.</summary>
    public string Name => Service?.Service.Name ?? JobName ?? Url.AbsoluteUri;
}
