using Microsoft.CodeAnalysis.Testing;
using Pax.Analyzers.CSharp;
using Pax.Analyzers.Scripts;
using Pax.Analyzers.Terraform;
using Pax.Analyzers.Tests.Support;

namespace Pax.Analyzers.Tests.MissingToken;

/// <summary>PAX004: no token where the target requires one, in C#, gcloud scripts and Terraform.</summary>
public sealed class MissingTokenTests
{
    private const string JobRun = "https://run.googleapis.com/v2/projects/p/locations/us-central1/jobs/collector:run";

    [Fact]
    public Task CSharp_scheduler_target_to_a_google_api_without_a_token_is_PAX004() =>
        AnalyzerCase<CSharpDeploymentAnalyzer>.RunAsync(AnalyzerCase<CSharpDeploymentAnalyzer>.ForCode(GoogleCloudStubs.SchedulerV1, $$"""
            using Google.Cloud.Scheduler.V1;
            class Deploy
            {
                HttpTarget Target() => new HttpTarget
                {
                    {|PAX004:Uri = "{{JobRun}}"|},
                    HttpMethod = HttpMethod.Post,
                };

                HttpTarget WithToken() => new HttpTarget
                {
                    Uri = "{{JobRun}}",
                    OAuthToken = new OAuthToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" },
                };
            }
            """));

    [Theory]
    [InlineData("", "PAX004")]
    [InlineData("""new ServiceIamMember("tick-public", new ServiceIamMemberArgs { Name = tick.Name, Role = "roles/run.invoker", Member = "allUsers" });""", "")]
    [InlineData("""new ServiceIamBinding("tick-public", new ServiceIamBindingArgs { Name = "tick", Role = "roles/run.invoker", Members = new[] { "allUsers" } });""", "")]
    [InlineData("""new ServiceIamMember("other-public", new ServiceIamMemberArgs { Name = "other", Role = "roles/run.invoker", Member = "allUsers" });""", "PAX004")]
    public Task CSharp_pulumi_scheduler_job_without_a_token_to_a_private_service_of_the_stack_is_PAX004(string grant, string expected) =>
        AnalyzerCase<CSharpDeploymentAnalyzer>.RunAsync(AnalyzerCase<CSharpDeploymentAnalyzer>.ForCode(GoogleCloudStubs.Pulumi, $$"""
            using Pulumi;
            using Pulumi.Gcp.CloudRunV2;
            using Pulumi.Gcp.CloudScheduler;
            using Pulumi.Gcp.CloudScheduler.Inputs;
            class Stack
            {
                void Define()
                {
                    var tick = new Service("tick", new ServiceArgs { Name = "tick", Location = "us-central1" });
                    {{grant}}
                    new Job("tick-every-minute", new JobArgs
                    {
                        Schedule = "* * * * *",
                        HttpTarget = new JobHttpTargetArgs
                        {
                            {{Mark(expected, "Uri = Output.Format($\"{tick.Uri}/cron/tick\")")}},
                            HttpMethod = "POST",
                        },
                    });
                }
            }
            """));

    [Theory]
    [InlineData("", "PAX004")]
    [InlineData("InvokerIamDisabled = true, ", "")]
    public Task CSharp_google_scheduler_target_without_a_token_to_a_private_service_of_the_unit_is_PAX004(string publicAccess, string expected) =>
        AnalyzerCase<CSharpDeploymentAnalyzer>.RunAsync(AnalyzerCase<CSharpDeploymentAnalyzer>.ForCode(GoogleCloudStubs.Pulumi, GoogleCloudStubs.SchedulerV1, $$"""
            using Google.Cloud.Scheduler.V1;
            using Pulumi.Gcp.CloudRunV2;
            class Deploy
            {
                ServiceArgs Tick() => new() { Name = "tick", {{publicAccess}}Location = "us-central1" };
                HttpTarget Target() => new HttpTarget
                {
                    {{Mark(expected, "Uri = \"https://tick-123456789.us-central1.run.app/cron/tick\"")}},
                    HttpMethod = HttpMethod.Post,
                };
            }
            """));

    [Fact]
    public Task CSharp_push_without_a_token_to_a_private_service_of_the_stack_is_PAX004_and_with_an_oidc_token_is_not() =>
        AnalyzerCase<CSharpDeploymentAnalyzer>.RunAsync(AnalyzerCase<CSharpDeploymentAnalyzer>.ForCode(GoogleCloudStubs.Pulumi, """
            using Pulumi.Gcp.CloudRunV2;
            using Pulumi.Gcp.PubSub.Inputs;
            class Stack
            {
                void Define()
                {
                    var ingest = new Service("ingest", new ServiceArgs { Location = "us-central1" });
                    new ServiceIamMember("push-invoker", new ServiceIamMemberArgs { Name = ingest.Name, Role = "roles/run.invoker", Member = "serviceAccount:push@p.iam.gserviceaccount.com" });
                    var none = new SubscriptionPushConfigArgs { {|PAX004:PushEndpoint = ingest.Uri|} };
                    var oidc = new SubscriptionPushConfigArgs { PushEndpoint = ingest.Uri, OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" } };
                }
            }
            """));

    [Fact]
    public Task CSharp_keeps_pragma_suppression()
    {
        var test = AnalyzerCase<CSharpDeploymentAnalyzer>.ForCode(GoogleCloudStubs.SchedulerV1, $$"""
            using Google.Cloud.Scheduler.V1;
            class Deploy
            {
            #pragma warning disable PAX004 // the token is added by the caller of Target()
                HttpTarget Target() => new HttpTarget { Uri = "{{JobRun}}" };
            #pragma warning restore PAX004

                HttpTarget Other() => new HttpTarget { {|PAX004:Uri = "{{JobRun}}"|} };
            }
            """);

        // The framework's own check wraps the file in '#pragma warning disable', which the restore above undoes.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        return AnalyzerCase<CSharpDeploymentAnalyzer>.RunAsync(test);
    }

    [Fact]
    public Task Terraform_job_with_its_token_block_commented_out_is_PAX004() => Terraform(("jobs/main.tf", $$"""
        resource "google_cloud_scheduler_job" "collector" {
          schedule = "*/30 * * * *"
          http_target {
            http_method = "POST"
            {|PAX004:uri         = "{{JobRun}}"|}
            # oauth_token {
            #   service_account_email = google_service_account.scheduler.email
            # }
          }
        }
        """));

    [Fact]
    public Task Terraform_push_without_a_token_to_a_private_service_of_the_module_is_PAX004_not_PAX002() => Terraform(
        ("app/run.tf", """
            resource "google_cloud_run_v2_service" "api" {
              name = "orders"
            }
            resource "google_cloud_run_v2_service" "web" {
              name = "web"
            }
            resource "google_cloud_run_v2_service_iam_member" "web_public" {
              name   = google_cloud_run_v2_service.web.name
              role   = "roles/run.invoker"
              member = "allUsers"
            }
            """),
        ("app/pubsub.tf", """
            resource "google_pubsub_subscription" "orders" {
              push_config {
                {|PAX004:push_endpoint = "${google_cloud_run_v2_service.api.uri}/push"|}
              }
            }
            resource "google_pubsub_subscription" "web" {
              push_config {
                push_endpoint = "${google_cloud_run_v2_service.web.uri}/push"
              }
            }
            """));

    [Fact]
    public Task Gcloud_scheduler_job_to_a_google_api_without_a_token_is_PAX004() => Script("""
        gcloud scheduler jobs create http collect --schedule="*/30 * * * *" \
          {|PAX004:--uri=https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run|} --http-method=POST
        """);

    [Fact]
    public Task Gcloud_push_without_a_token_to_a_private_service_of_the_script_is_PAX004() => Script("""
        gcloud run deploy orders --image=x --no-allow-unauthenticated
        URL="$(gcloud run services describe orders --format='value(status.url)')"
        gcloud pubsub subscriptions create orders-push --topic=orders {|PAX004:--push-endpoint="$URL/push"|}
        """);

    [Fact]
    public Task Gcloud_push_without_a_token_to_a_public_service_is_silent() => Script("""
        gcloud run deploy orders --image=x --allow-unauthenticated
        URL="$(gcloud run services describe orders --format='value(status.url)')"
        gcloud pubsub subscriptions create orders-push --topic=orders --push-endpoint="$URL/push"
        """);

    [Fact]
    public Task Gcloud_scheduler_update_without_token_flags_keeps_the_existing_token_and_is_silent() => Script("""
        gcloud scheduler jobs update http collect --uri=https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run
        """);

    private static string Mark(string expected, string code) => expected.Length == 0 ? code : "{|" + expected + ":" + code + "|}";

    private static Task Script(string content) =>
        AnalyzerCase<GcloudScriptAnalyzer>.RunAsync(AnalyzerCase<GcloudScriptAnalyzer>.ForFiles(("deploy.sh", content)));

    private static Task Terraform(params (string Path, string Content)[] files) =>
        AnalyzerCase<TerraformAnalyzer>.RunAsync(AnalyzerCase<TerraformAnalyzer>.ForFiles(files));
}
