using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Function;

/// <summary>The Function sample refuses, at startup, configurations that would run open or split on Cloud Run.</summary>
public sealed class FunctionStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_Cloud_Run_the_Development_settings_that_turn_authentication_off_stop_the_service_at_startup()
    {
        var environment = new Dictionary<string, string>
        {
            ["K_SERVICE"] = "pax-orchestrator",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Pax__Orchestration__Store"] = "Sqlite",
            ["Pax__Scheduling__Store"] = "Sqlite",
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => FunctionProcess.StartAsync(environment, Ct));

        Assert.Contains("Pax:Orchestration:Authentication:Mode is None on Cloud Run service 'pax-orchestrator'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Cloud_Run_an_unset_tally_store_stops_the_service_at_startup()
    {
        var environment = new Dictionary<string, string>
        {
            ["K_SERVICE"] = "pax-orchestrator",
            ["Pax__Scheduling__Store"] = "Sqlite",
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => FunctionProcess.StartAsync(environment, Ct));

        Assert.Contains("Pax:Orchestration:Store is not set and this is Cloud Run service 'pax-orchestrator'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Cloud_Run_an_open_dashboard_stops_the_service_at_startup()
    {
        var environment = new Dictionary<string, string>
        {
            ["K_SERVICE"] = "pax-orchestrator",
            ["Pax__Orchestration__Store"] = "Sqlite",
            ["Pax__Scheduling__Store"] = "Sqlite",
            ["Pax__Dashboard__Authentication__Mode"] = "None",
            ["Pax__Orchestration__Phases__0__Name"] = "phase2",
            ["Pax__Orchestration__Phases__0__Processors__0"] = "a",
            ["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/p/topics/phase3",
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => FunctionProcess.StartAsync(environment, Ct));

        Assert.Contains("Pax:Dashboard:Authentication:Mode is None on Cloud Run (K_SERVICE is set)", failure.Message, StringComparison.Ordinal);
    }
}
