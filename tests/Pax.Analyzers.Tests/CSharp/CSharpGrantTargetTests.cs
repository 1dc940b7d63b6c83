using Microsoft.CodeAnalysis.Testing;
using Pax.Analyzers.Tests.Support;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.CSharp.CSharpDeploymentAnalyzer>;

namespace Pax.Analyzers.Tests.CSharp;

/// <summary>
/// PAX002 in C#: a grant counts only for the service or function it names when that is known (issue 13, point 3),
/// and 1st gen Cloud Functions need <c>roles/cloudfunctions.invoker</c>, not Cloud Run's invoker (point 4).
/// </summary>
public sealed class CSharpGrantTargetTests
{
    private const string Push = "push@p.iam.gserviceaccount.com";

    [Theory]
    [InlineData("https://b-123456789.us-central1.run.app/push")] // deterministic URL: the service is in the host
    [InlineData("https://b-x7kq2lm3na-uc.a.run.app/push")] // *.a.run.app: tied to service "b", which the stack deploys
    public Task Grant_on_service_a_does_not_silence_a_push_to_service_b(string endpoint) => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            const string Account = "{{Push}}";
            const string ServiceA = "a";
            ServiceArgs A() => new() { Name = ServiceA, Location = "us-central1" };
            ServiceArgs B() => new() { Name = "b", Location = "us-central1" };
            ServiceIamMemberArgs Grant() => new() { Name = ServiceA, Role = "roles/run.invoker", Member = $"serviceAccount:{Account}" };
            SubscriptionPushConfigArgs PushToB() => new()
            {
                {|PAX002:PushEndpoint = "{{endpoint}}"|},
                OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = Account },
            };
        }
        """));

    [Theory]
    [InlineData("https://b-123456789.us-central1.run.app/push")]
    [InlineData("https://b-x7kq2lm3na-uc.a.run.app/push")]
    public Task Grant_on_the_pushed_service_by_constant_is_silent(string endpoint) => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            const string ServiceB = "b";
            ServiceArgs B() => new() { Name = ServiceB, Location = "us-central1" };
            ServiceIamMemberArgs Grant() => new() { Name = ServiceB, Role = "roles/run.invoker", Member = "serviceAccount:{{Push}}" };
            SubscriptionPushConfigArgs PushToB() => new()
            {
                PushEndpoint = "{{endpoint}}",
                OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
            };
        }
        """));

    [Fact]
    public Task Grant_on_a_target_not_known_at_build_time_is_cant_tell() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            ServiceArgs B() => new() { Name = "b", Location = "us-central1" };
            ServiceIamMemberArgs Grant(string service) => new() { Name = service, Role = "roles/run.invoker", Member = "serviceAccount:{{Push}}" };
            SubscriptionPushConfigArgs PushToB() => new()
            {
                PushEndpoint = "https://b-x7kq2lm3na-uc.a.run.app/push",
                OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
            };
        }
        """));

    [Fact]
    public Task Iam_policy_binding_of_an_unknown_resource_is_cant_tell() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, GoogleCloudStubs.Iam, $$"""
        using Google.Cloud.Iam.V1;
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            ServiceArgs B() => new() { Name = "b", Location = "us-central1" };
            void Grant(Policy policy) => policy.AddRoleMember("roles/run.invoker", "serviceAccount:{{Push}}");
            SubscriptionPushConfigArgs PushToB() => new()
            {
                PushEndpoint = "https://b-123456789.us-central1.run.app/push",
                OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
            };
        }
        """));

    [Theory]
    [InlineData("projects/p/locations/us-central1/services/b", "")]
    [InlineData("projects/p/locations/us-central1/services/a", "PAX002")]
    [InlineData("projects/p", "")] // not a service, job or function: counts for every target (can't tell)
    public Task Iam_policy_binding_counts_for_the_resource_of_its_set_iam_policy_request(string resource, string expected)
    {
        var endpoint = expected.Length == 0
            ? "PushEndpoint = \"https://b-123456789.us-central1.run.app/push\""
            : "{|PAX002:PushEndpoint = \"https://b-123456789.us-central1.run.app/push\"|}";
        return Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, GoogleCloudStubs.Iam, $$"""
            using Google.Cloud.Iam.V1;
            using Pulumi.Gcp.PubSub.Inputs;
            class Stack
            {
                SetIamPolicyRequest Grant()
                {
                    var policy = new Policy();
                    policy.AddRoleMember("roles/run.invoker", "serviceAccount:{{Push}}");
                    return new SetIamPolicyRequest { Resource = "{{resource}}", Policy = policy };
                }

                SubscriptionPushConfigArgs PushToB() => new()
                {
                    {{endpoint}},
                    OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
                };
            }
            """));
    }

    [Theory]
    [InlineData("projects/p/locations/us-central1/services/b", "", false)]
    [InlineData("projects/p/locations/us-central1/services/a", "PAX002", false)]
    [InlineData("projects/p/locations/us-central1/services/a", "PAX002", true)]
    [InlineData("projects/p", "", true)] // a project-level binding counts for every target
    public Task Iam_binding_object_counts_for_the_resource_of_its_set_iam_policy_request(string resource, string expected, bool heldInALocal)
    {
        var endpoint = expected.Length == 0
            ? "PushEndpoint = \"https://b-123456789.us-central1.run.app/push\""
            : "{|PAX002:PushEndpoint = \"https://b-123456789.us-central1.run.app/push\"|}";
        var add = heldInALocal
            ? $"var binding = new Binding {{ Role = \"roles/run.invoker\", Members = {{ \"serviceAccount:{Push}\" }} }};\n        policy.Bindings.Add(binding);"
            : $"policy.Bindings.Add(new Binding {{ Role = \"roles/run.invoker\", Members = {{ \"serviceAccount:{Push}\" }} }});";
        return Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, GoogleCloudStubs.Iam, $$"""
            using Google.Cloud.Iam.V1;
            using Pulumi.Gcp.CloudRunV2;
            using Pulumi.Gcp.PubSub.Inputs;
            class Stack
            {
                ServiceArgs A() => new() { Name = "a", Location = "us-central1" };
                ServiceArgs B() => new() { Name = "b", Location = "us-central1" };

                SetIamPolicyRequest Grant()
                {
                    var policy = new Policy();
                    {{add}}
                    return new SetIamPolicyRequest { Resource = "{{resource}}", Policy = policy };
                }

                SubscriptionPushConfigArgs PushToB() => new()
                {
                    {{endpoint}},
                    OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
                };
            }
            """));
    }

    [Fact]
    public Task Gen1_pubsub_triggered_function_gets_no_PAX002() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi.Gcp.CloudFunctions;
        using Pulumi.Gcp.CloudFunctions.Inputs;
        class Stack
        {
            void Define() => new Function("ingest", new FunctionArgs
            {
                Name = "ingest",
                Region = "us-central1",
                EventTrigger = new FunctionEventTriggerArgs { EventType = "google.pubsub.topic.publish", Resource = "projects/p/topics/frames" },
            });
        }
        """));

    [Fact]
    public async Task Gen1_http_function_without_cloudfunctions_invoker_names_that_role()
    {
        var test = Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
            using Pulumi.Gcp.CloudFunctions;
            using Pulumi.Gcp.CloudRunV2;
            using Pulumi.Gcp.PubSub.Inputs;
            class Stack
            {
                FunctionArgs Fn() => new() { Name = "report", Region = "us-central1", TriggerHttp = true };
                ServiceIamMemberArgs RunInvoker() => new() { Name = "report", Role = "roles/run.invoker", Member = "serviceAccount:{{Push}}" };
                SubscriptionPushConfigArgs Push() => new()
                {
                    PushEndpoint = "https://us-central1-p.cloudfunctions.net/report",
                    OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
                };
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.MissingInvokerGrant)
            .WithSpan("/0/Test1.cs", 10, 9, 10, 73)
            .WithArguments("Pub/Sub push subscription", "https://us-central1-p.cloudfunctions.net/report", $"'{Push}'", "roles/cloudfunctions.invoker", "cloudfunctions.functions.invoke"));
        await Verify.RunAsync(test);
    }

    [Theory]
    [InlineData("report", "")]
    [InlineData("other", "PAX002")]
    public Task Gen1_function_iam_member_counts_for_the_function_it_names(string grantedOn, string expected)
    {
        var endpoint = expected.Length == 0
            ? "PushEndpoint = \"https://us-central1-p.cloudfunctions.net/report\""
            : "{|PAX002:PushEndpoint = \"https://us-central1-p.cloudfunctions.net/report\"|}";
        return Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
            using Pulumi.Gcp.CloudFunctions;
            using Pulumi.Gcp.PubSub.Inputs;
            class Stack
            {
                FunctionArgs Fn() => new() { Name = "report", Region = "us-central1", TriggerHttp = true };
                FunctionIamMemberArgs Grant() => new() { CloudFunction = "{{grantedOn}}", Role = "roles/cloudfunctions.invoker", Member = "serviceAccount:{{Push}}" };
                SubscriptionPushConfigArgs Push() => new()
                {
                    {{endpoint}},
                    OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
                };
            }
            """));
    }

    [Fact]
    public Task Gen2_function_needs_run_invoker() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
        using Pulumi.Gcp.CloudFunctionsV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            FunctionArgs Fn() => new() { Name = "report", Location = "us-central1" };
            Pulumi.Gcp.CloudFunctions.FunctionIamMemberArgs Grant() => new() { CloudFunction = "report", Role = "roles/cloudfunctions.invoker", Member = "serviceAccount:{{Push}}" };
            SubscriptionPushConfigArgs Push() => new()
            {
                {|PAX002:PushEndpoint = "https://us-central1-p.cloudfunctions.net/report"|},
                OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
            };
        }
        """));
}
