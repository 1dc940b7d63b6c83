using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Tests.Internal;

/// <summary>How a process names itself in the claims and leases it takes (the dashboard's instances page).</summary>
public sealed class InstanceIdentityTests
{
    [Fact]
    public void On_Cloud_Run_two_instances_with_the_same_host_name_and_process_id_are_told_apart()
    {
        static string? OnCloudRun(string name) => name == "K_REVISION" ? "orchestrator-00042-abc" : null;

        var first = InstanceIdentity.Describe(OnCloudRun, "localhost", 1, "0a1b2c3d");
        var second = InstanceIdentity.Describe(OnCloudRun, "localhost", 1, "9f8e7d6c");

        Assert.Equal("orchestrator-00042-abc/localhost/1/0a1b2c3d", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Elsewhere_the_host_name_and_process_id_name_it()
    {
        Assert.Equal("build-host/4242", InstanceIdentity.Describe(_ => null, "build-host", 4242, "0a1b2c3d"));
        Assert.EndsWith("/" + Environment.ProcessId, InstanceIdentity.Current, StringComparison.Ordinal);
    }
}
