namespace Pax.Orchestration.Internal;

/// <summary>What tells a process it runs as a Cloud Run service (cloud.google.com/run/docs/container-contract#services-env-vars).</summary>
internal static class CloudRunEnvironment
{
    /// <summary><c>K_SERVICE</c>: the service's name, set by Cloud Run in every instance.</summary>
    public const string ServiceVariable = "K_SERVICE";
}
