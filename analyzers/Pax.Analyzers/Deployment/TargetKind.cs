namespace Pax.Analyzers.Deployment;

/// <summary>What an HTTP target's host tells about the token it needs.</summary>
internal enum TargetKind
{
    /// <summary>The host is not known at build time, or is some other host.</summary>
    Other,

    /// <summary>A Google API on <c>*.googleapis.com</c>: needs an OAuth access token.</summary>
    GoogleApi,

    /// <summary>A Cloud Run service or function on <c>*.run.app</c> / <c>*.cloudfunctions.net</c>: needs an OIDC ID token.</summary>
    CloudRun,
}
