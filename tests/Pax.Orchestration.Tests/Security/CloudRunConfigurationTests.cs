using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Tests.Security;

/// <summary>On Cloud Run (<c>K_SERVICE</c> set) what silently breaks there is refused at startup; elsewhere it is allowed.</summary>
public sealed class CloudRunConfigurationTests
{
    private static readonly Func<string, string?> OnCloudRun = name => name == "K_SERVICE" ? "pax-orchestrator" : null;
    private static readonly Func<string, string?> Locally = _ => null;

    [Fact]
    public void On_Cloud_Run_the_tally_store_must_be_chosen_explicitly()
    {
        var result = new OrchestrationOptionsValidator(OnCloudRun).Validate(null, Valid(o => o.Store = null));

        Assert.Contains(result.Failures!, f => f.Contains("Pax:Orchestration:Store", StringComparison.Ordinal) && f.Contains("pax-orchestrator", StringComparison.Ordinal));
        AssertValid(new OrchestrationOptionsValidator(Locally).Validate(null, Valid(o => { o.Store = null; o.Authentication.Mode = InboundAuthenticationMode.None; })));
    }

    [Fact]
    public void Off_Cloud_Run_CloudRunIam_is_refused_for_push_because_nothing_checked_the_token()
    {
        // CloudRunIam reads the token's claims without its signature, trusting Cloud Run's IAM check; off Cloud Run
        // (a container on a VM, GKE, a local Production run) a home-made unsigned token would name any allowed account.
        var result = new OrchestrationOptionsValidator(Locally).Validate(null, Valid(o => o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam));

        Assert.Contains(result.Failures!, f => f.StartsWith("Pax:Orchestration:Authentication:Mode is CloudRunIam but this is not a Cloud Run service (K_SERVICE is not set)", StringComparison.Ordinal));
        AssertValid(new OrchestrationOptionsValidator(OnCloudRun).Validate(null, Valid(o => o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam)));
        AssertValid(new OrchestrationOptionsValidator(Locally).Validate(null, Valid(o => { o.Authentication.Mode = InboundAuthenticationMode.VerifySignature; o.Authentication.Audience = "https://orchestrator.example"; })));
    }

    [Fact]
    public void Off_Cloud_Run_CloudRunIam_is_refused_for_the_scheduler_too()
    {
        var options = new SchedulingOptions { Store = OrchestrationStoreKind.Sqlite, Sqlite = new SqliteStoreOptions { Path = "jobs.db" }, Authentication = { Mode = InboundAuthenticationMode.CloudRunIam, AllowedPrincipals = ["scheduler@p.iam.gserviceaccount.com"] } };

        Assert.Contains(new SchedulingOptionsValidator(Locally).Validate(null, options).Failures!, f => f.StartsWith("Pax:Scheduling:Authentication:Mode is CloudRunIam but this is not a Cloud Run service", StringComparison.Ordinal));
        AssertValid(new SchedulingOptionsValidator(OnCloudRun).Validate(null, options));
    }

    [Fact]
    public void On_Cloud_Run_push_authentication_None_is_refused()
    {
        var result = new OrchestrationOptionsValidator(OnCloudRun).Validate(null, Valid(o => o.Authentication.Mode = InboundAuthenticationMode.None));

        Assert.Contains(result.Failures!, f => f.Contains("Pax:Orchestration:Authentication:Mode is None", StringComparison.Ordinal));
        AssertValid(new OrchestrationOptionsValidator(Locally).Validate(null, Valid(o => o.Authentication.Mode = InboundAuthenticationMode.None)));
    }

    [Fact]
    public void On_Cloud_Run_scheduler_authentication_None_is_refused()
    {
        var options = new SchedulingOptions { Store = OrchestrationStoreKind.Sqlite, Sqlite = new SqliteStoreOptions { Path = "jobs.db" }, Authentication = { Mode = InboundAuthenticationMode.None } };

        var result = new SchedulingOptionsValidator(OnCloudRun).Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("Pax:Scheduling:Authentication:Mode is None", StringComparison.Ordinal));
        AssertValid(new SchedulingOptionsValidator(Locally).Validate(null, options));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(601)]
    public void The_ack_deadline_is_one_Pub_Sub_allows(int seconds)
    {
        var result = new OrchestrationOptionsValidator(Locally).Validate(null, Valid(o => o.Push.AckDeadline = TimeSpan.FromSeconds(seconds)));

        Assert.Contains(result.Failures!, f => f.Contains("Pax:Orchestration:Push:AckDeadline", StringComparison.Ordinal));
    }

    [Fact]
    public void The_trigger_timeout_fits_inside_the_ack_deadline()
    {
        var result = new OrchestrationOptionsValidator(Locally).Validate(null, Valid(o => o.TriggerTimeout = TimeSpan.FromSeconds(9)));

        Assert.Contains(result.Failures!, f => f.Contains("Pax:Orchestration:TriggerTimeout", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10_001, 0)]
    [InlineData(0, 10_001)]
    public void A_phase_holds_at_most_10000_processors(int expectedCount, int named)
    {
        var result = new OrchestrationOptionsValidator(Locally).Validate(null, Valid(o =>
        {
            o.Phases[0].Processors = [.. Enumerable.Range(0, named).Select(i => $"p{i}")];
            o.Phases[0].ExpectedCount = expectedCount == 0 ? null : expectedCount;
        }));

        Assert.Contains(result.Failures!, f => f.Contains("10000", StringComparison.Ordinal));
    }

    private static void AssertValid(ValidateOptionsResult result) => Assert.True(result.Succeeded, string.Join(" | ", result.Failures ?? []));

    private static OrchestrationOptions Valid(Action<OrchestrationOptions> change)
    {
        var options = new OrchestrationOptions
        {
            Store = OrchestrationStoreKind.Sqlite,
            Sqlite = new SqliteStoreOptions { Path = "tallies.db" },
            Phases = [new PhaseDefinition { Name = "phase2", Processors = ["a"], Trigger = new() { Topic = "projects/my-project/topics/phase3" } }],
            Authentication = { Mode = InboundAuthenticationMode.CloudRunIam, AllowedPrincipals = ["push@p.iam.gserviceaccount.com"] },
        };
        change(options);
        return options;
    }
}
