using Pax.Orchestration.Hosting;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Tests.Support;

/// <summary>
/// The environment a test host stands in: CloudRunIam is only valid on a Cloud Run service (it trusts Cloud Run's IAM
/// check), so a host testing that mode is a Cloud Run service (<c>K_SERVICE</c> set); any other mode runs as a local host.
/// </summary>
internal static class CloudRunStandIn
{
    public const string Service = "orchestrator-test";

    public static ProcessEnvironment For(InboundAuthenticationMode mode) =>
        new(name => name == "K_SERVICE" && mode == InboundAuthenticationMode.CloudRunIam ? Service : null);
}
