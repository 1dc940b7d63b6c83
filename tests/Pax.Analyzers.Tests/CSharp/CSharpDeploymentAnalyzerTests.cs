using Pax.Analyzers.CSharp;
using Pax.Analyzers.Tests.Support;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.CSharp.CSharpDeploymentAnalyzer>;

namespace Pax.Analyzers.Tests.CSharp;

public sealed class CSharpDeploymentAnalyzerTests
{
    private const string V2JobRun = "https://run.googleapis.com/v2/projects/p/locations/us-central1/jobs/collector:run";
    private const string V1JobRun = "https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/collector:run";

    [Theory]
    [InlineData(V2JobRun)]
    [InlineData(V1JobRun)]
    [InlineData("https://cloudbuild.googleapis.com/v1/projects/p/triggers/t:run")]
    public Task Oidc_token_on_a_google_api_is_PAX001(string uri) => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, $$"""
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                Uri = "{{uri}}",
                HttpMethod = HttpMethod.Post,
                {|PAX001:OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|},
            };
        }
        """));

    [Fact]
    public Task OAuth_token_on_a_google_api_is_silent() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, $$"""
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                Uri = "{{V2JobRun}}",
                OAuthToken = new OAuthToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com", Scope = "https://www.googleapis.com/auth/cloud-platform" },
            };
        }
        """));

    [Fact]
    public Task Interpolated_uri_with_a_constant_google_host_is_PAX001() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            const string Region = "europe-west1";
            HttpTarget Target(string project, string job) => new HttpTarget
            {
                Uri = $"https://{Region}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/{project}/jobs/{job}:run",
                {|PAX001:OidcToken = new OidcToken { ServiceAccountEmail = $"invoker@{project}.iam.gserviceaccount.com" }|},
            };
        }
        """));

    [Fact]
    public Task Uri_from_a_constant_and_a_local_is_PAX001() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            const string RunApi = "https://run.googleapis.com/v2/";
            HttpTarget Target(string jobName)
            {
                var uri = RunApi + jobName + ":run";
                return new HttpTarget { Uri = uri, {|PAX001:OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|} };
            }
        }
        """));

    [Fact]
    public Task Simple_assignments_to_one_target_are_read_together() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, $$"""
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            Job Build()
            {
                var target = new HttpTarget();
                target.Uri = "{{V2JobRun}}";
                {|PAX001:target.OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|};
                return new Job { HttpTarget = target };
            }
        }
        """));

    [Fact]
    public Task Interpolated_uri_whose_host_is_not_constant_is_silent() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target(string host) => new HttpTarget
            {
                Uri = $"https://{host}/v2/projects/p/locations/l/jobs/j:run",
                OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" },
            };
        }
        """));

    [Fact]
    public Task Google_Apis_scheduler_data_types_are_checked() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.ApisScheduler, """
        using Google.Apis.CloudScheduler.v1.Data;
        class Deploy
        {
            HttpTarget Job() => new HttpTarget
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run",
                {|PAX001:OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|},
            };
            HttpTarget Service() => new HttpTarget
            {
                Uri = "https://tick-abc123-uc.a.run.app/cron/tick",
                {|PAX003:OauthToken = new OAuthToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|},
            };
        }
        """));

    [Theory]
    [InlineData("https://tick-abc123-uc.a.run.app/cron/tick")]
    [InlineData("https://us-central1-p.cloudfunctions.net/orchestrator")]
    public Task OAuth_token_on_a_cloud_run_url_is_PAX003(string uri) => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, $$"""
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                Uri = "{{uri}}",
                {|PAX003:OAuthToken = new OAuthToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|},
            };
        }
        """));

    [Fact]
    public Task Oidc_token_on_a_cloud_run_url_with_an_invoker_grant_is_silent() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, GoogleCloudStubs.Iam, """
        using Google.Cloud.Iam.V1;
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            const string Invoker = "tick@p.iam.gserviceaccount.com";
            HttpTarget Target() => new HttpTarget
            {
                Uri = "https://tick-abc123-uc.a.run.app/cron/tick",
                OidcToken = new OidcToken { ServiceAccountEmail = Invoker, Audience = "https://tick-abc123-uc.a.run.app" },
            };
            void Grant(Policy policy) => policy.AddRoleMember("roles/run.invoker", "serviceAccount:" + Invoker);
        }
        """));

    [Fact]
    public Task Scheduler_call_to_cloud_run_without_any_grant_is_PAX002() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                {|PAX002:Uri = "https://tick-abc123-uc.a.run.app/cron/tick"|},
                OidcToken = new OidcToken { ServiceAccountEmail = "tick@p.iam.gserviceaccount.com" },
            };
        }
        """));

    [Fact]
    public async Task PAX002_names_the_property_of_an_account_that_could_not_be_read()
    {
        var test = Verify.ForCode(GoogleCloudStubs.SchedulerV1, """
            using Google.Cloud.Scheduler.V1;
            class Deploy
            {
                HttpTarget Target(OidcToken token) => new HttpTarget
                {
                    {|#0:Uri = "https://tick-abc123-uc.a.run.app/cron/tick"|},
                    OidcToken = token,
                };
            }
            """);
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.MissingInvokerGrant).WithLocation(0).WithArguments(
            "Cloud Scheduler job", "https://tick-abc123-uc.a.run.app/cron/tick",
            "the account in OidcToken.ServiceAccountEmail, which could not be read at build time", "roles/run.invoker", "run.routes.invoke"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public Task Grant_to_another_account_does_not_count() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.PubSubV1, GoogleCloudStubs.Iam, """
        using Google.Cloud.Iam.V1;
        using Google.Cloud.PubSub.V1;
        class Deploy
        {
            PushConfig Push() => new PushConfig
            {
                {|PAX002:PushEndpoint = "https://orchestrator-abc123-uc.a.run.app/pubsub"|},
                OidcToken = new PushConfig.Types.OidcToken { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" },
            };
            Binding Grant() => new Binding { Role = "roles/run.invoker", Members = { "serviceAccount:other@p.iam.gserviceaccount.com" } };
        }
        """));

    [Fact]
    public Task Binding_for_the_push_account_grants_the_push() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.PubSubV1, GoogleCloudStubs.Iam, """
        using Google.Cloud.Iam.V1;
        using Google.Cloud.PubSub.V1;
        class Deploy
        {
            PushConfig Push() => new PushConfig
            {
                PushEndpoint = "https://orchestrator-abc123-uc.a.run.app/pubsub",
                OidcToken = new PushConfig.Types.OidcToken { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" },
            };
            Binding Grant() => new Binding { Role = "roles/run.invoker", Members = { "serviceAccount:push@p.iam.gserviceaccount.com" } };
        }
        """));

    [Fact]
    public Task Push_without_a_token_needs_a_public_service() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.PubSubV1, GoogleCloudStubs.Iam, """
        using Google.Cloud.Iam.V1;
        using Google.Cloud.PubSub.V1;
        class Deploy
        {
            PushConfig Push() => new PushConfig { {|PAX002:PushEndpoint = "https://orchestrator-abc123-uc.a.run.app/pubsub"|} };
            Binding Grant() => new Binding { Role = "roles/run.invoker", Members = { "serviceAccount:push@p.iam.gserviceaccount.com" } };
        }
        """));

    [Fact]
    public Task Oidc_push_to_a_google_api_is_PAX001() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.PubSubV1, """
        using Google.Cloud.PubSub.V1;
        class Deploy
        {
            PushConfig Push() => new PushConfig
            {
                PushEndpoint = "https://workflowexecutions.googleapis.com/v1/projects/p/locations/l/workflows/w/executions",
                {|PAX001:OidcToken = new PushConfig.Types.OidcToken { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" }|},
            };
        }
        """));

    [Fact]
    public Task Pulumi_scheduler_job_with_oidc_to_run_api_is_PAX001() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi.Gcp.CloudScheduler;
        using Pulumi.Gcp.CloudScheduler.Inputs;
        class Stack
        {
            void Define(string project) => new Job("collector", new JobArgs
            {
                Schedule = "*/30 * * * *",
                HttpTarget = new JobHttpTargetArgs
                {
                    Uri = $"https://run.googleapis.com/v2/projects/{project}/locations/us-central1/jobs/collector:run",
                    HttpMethod = "POST",
                    {|PAX001:OidcToken = new JobHttpTargetOidcTokenArgs { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|},
                },
            });
        }
        """));

    [Fact]
    public Task Pulumi_push_to_a_service_uri_needs_an_iam_member() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi;
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            void Define(Service orchestrator) => new Subscription("completions", new SubscriptionArgs
            {
                Topic = "completions",
                PushConfig = new SubscriptionPushConfigArgs
                {
                    {|PAX002:PushEndpoint = Output.Format($"{orchestrator.Uri}/pubsub")|},
                    OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" },
                },
            });
        }
        """));

    [Fact]
    public Task Pulumi_iam_member_grants_the_push_account() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            const string Push = "push@p.iam.gserviceaccount.com";
            void Define(Service orchestrator)
            {
                new Subscription("completions", new SubscriptionArgs
                {
                    PushConfig = new SubscriptionPushConfigArgs
                    {
                        PushEndpoint = orchestrator.Uri,
                        OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = Push },
                    },
                });
                new ServiceIamMember("invoker", new ServiceIamMemberArgs { Name = orchestrator.Name, Role = "roles/run.invoker", Member = $"serviceAccount:{Push}" });
            }
        }
        """));

    [Fact]
    public Task Pulumi_binding_with_members_array_grants() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            SubscriptionPushConfigArgs Push(Service s) => new() { PushEndpoint = s.Uri, OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" } };
            ServiceIamBindingArgs Grant() => new() { Role = "roles/run.invoker", Members = new[] { "serviceAccount:push@p.iam.gserviceaccount.com" } };
        }
        """));

    [Fact]
    public Task Invoker_iam_disabled_service_counts_as_granted() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            ServiceArgs Service() => new() { Location = "us-central1", InvokerIamDisabled = true };
            SubscriptionPushConfigArgs Push() => new() { PushEndpoint = "https://o-abc-uc.a.run.app/", OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" } };
        }
        """));

    [Fact]
    public Task Lookalike_types_in_other_namespaces_are_silent() => Verify.RunAsync(Verify.ForCode("""
        namespace MyCompany.Scheduling
        {
            public sealed class OidcToken { public string ServiceAccountEmail { get; set; } = ""; }
            public sealed class HttpTarget { public string Uri { get; set; } = ""; public OidcToken OidcToken { get; set; } = null!; }
            class Deploy
            {
                HttpTarget Target() => new HttpTarget { Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run", OidcToken = new OidcToken() };
            }
        }
        """));

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.SchedulerV1, """
        // <auto-generated/>
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run",
                OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" },
            };
        }
        """));

    [Fact]
    public async Task Message_names_the_target_and_the_rule_links_its_page()
    {
        var test = Verify.ForCode(GoogleCloudStubs.SchedulerV1, """
            using Google.Cloud.Scheduler.V1;
            class Deploy
            {
                HttpTarget Target(string project) => new HttpTarget
                {
                    Uri = $"https://run.googleapis.com/v2/projects/{project}/locations/l/jobs/j:run",
                    OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" },
                };
            }
            """);
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.OidcTokenToGoogleApi)
            .WithSpan("/0/Test1.cs", 7, 9, 7, 91)
            .WithArguments("https://run.googleapis.com/v2/projects/\u2026/locations/l/jobs/j:run"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public void Analyzer_supports_the_four_rules() =>
        Assert.Equal(["PAX001", "PAX002", "PAX003", "PAX004"], new CSharpDeploymentAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order());
}
