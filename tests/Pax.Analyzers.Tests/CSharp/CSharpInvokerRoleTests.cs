using Pax.Analyzers.Tests.Support;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.CSharp.CSharpDeploymentAnalyzer>;

namespace Pax.Analyzers.Tests.CSharp;

/// <summary>PAX002 in C#: the role table and Pulumi grants tied to their service.</summary>
public sealed class CSharpInvokerRoleTests
{
    private static string Scheduler(string role) => $$"""
        using Google.Cloud.Iam.V1;
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                {{(role == "roles/pubsub.subscriber" ? "{|PAX002:" : "")}}Uri = "https://tick-abc123-uc.a.run.app/cron/tick"{{(role == "roles/pubsub.subscriber" ? "|}" : "")}},
                OidcToken = new OidcToken { ServiceAccountEmail = "tick@p.iam.gserviceaccount.com" },
            };

            void Grant(Policy projectPolicy) => projectPolicy.AddRoleMember("{{role}}", "serviceAccount:tick@p.iam.gserviceaccount.com");
        }
        """;

    [Theory]
    [InlineData("roles/owner")]
    [InlineData("roles/editor")]
    [InlineData("roles/run.developer")]
    [InlineData("projects/p/roles/customInvoker")]
    [InlineData("roles/pubsub.subscriber")]
    public Task A_role_counts_when_it_may_hold_run_routes_invoke(string role) =>
        Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, GoogleCloudStubs.Iam, Scheduler(role)));

    [Fact]
    public Task A_pulumi_grant_on_another_named_service_does_not_count() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            const string Push = "push@p.iam.gserviceaccount.com";
            SubscriptionPushConfigArgs Billing() => new() { PushEndpoint = "https://billing-123456789012.us-central1.run.app/push", OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = Push } };
            SubscriptionPushConfigArgs Orders() => new() { {|PAX002:PushEndpoint = "https://orders-123456789012.us-central1.run.app/push"|}, OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = Push } };
            ServiceIamMemberArgs Grant() => new() { Name = "billing", Role = "roles/run.invoker", Member = $"serviceAccount:{Push}" };
        }
        """));
}
