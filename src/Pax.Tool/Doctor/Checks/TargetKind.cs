namespace Pax.Tool.Doctor.Checks;

/// <summary>What a URL that a Scheduler job or push subscription calls is.</summary>
internal enum TargetKind
{
    /// <summary>Cloud Run Admin API <c>jobs/J:run</c> (a Google API: OAuth).</summary>
    CloudRunJobRun,

    /// <summary>Any other <c>*.googleapis.com</c> API (OAuth).</summary>
    GoogleApi,

    /// <summary>A Cloud Run service of a region that was read (OIDC).</summary>
    CloudRunService,

    /// <summary>A <c>*.run.app</c> URL of no service that was read (another region or project).</summary>
    UnknownCloudRunService,

    /// <summary>A <c>*.cloudfunctions.net</c> URL (Cloud Functions are not read yet).</summary>
    CloudFunction,

    /// <summary>Anything else.</summary>
    External,
}
