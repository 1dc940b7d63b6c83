using Pax.Analyzers.Terraform;
using Pax.Analyzers.Tests.Support;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Project;

/// <summary>
/// The project is one deployment unit for its scripts and CI files: grants, public deploys and deployed targets in any
/// of them count for the invocations in any other, and so do the grants of the project's Terraform modules. Terraform
/// keeps its module = folder rule for its own invocations.
/// </summary>
public sealed class ProjectUnitTests
{
    private const string Deploy = """
        gcloud run deploy tick --image=img --region=us-central1 --no-allow-unauthenticated
        """;

    private const string Grant = """
        gcloud run services add-iam-policy-binding tick --region=us-central1 \
          --member="serviceAccount:tick@p.iam.gserviceaccount.com" --role=roles/run.invoker
        """;

    [Fact]
    public Task A_grant_in_one_numbered_script_counts_for_the_scheduler_job_of_another() => Verify.RunAsync(Verify.ForFiles(
        ("deploy/01-deploy.sh", Deploy),
        ("deploy/02-grant.sh", Grant),
        ("deploy/03-scheduler.sh", """
            gcloud scheduler jobs create http tick --uri=https://tick-abc123-uc.a.run.app/cron/tick \
              --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            """)));

    [Fact]
    public Task A_project_in_which_no_file_grants_anything_still_gets_PAX002() => Verify.RunAsync(Verify.ForFiles(
        ("deploy/01-deploy.sh", Deploy),
        ("deploy/02-scheduler.sh", """
            gcloud scheduler jobs create http tick {|PAX002:--uri=https://tick-abc123-uc.a.run.app/cron/tick|} \
              --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            """)));

    [Fact]
    public Task A_grant_to_another_account_elsewhere_in_the_project_does_not_count() => Verify.RunAsync(Verify.ForFiles(
        ("deploy/grants.sh", Grant.Replace("tick@", "other@", StringComparison.Ordinal)),
        ("deploy/scheduler.sh", """
            gcloud scheduler jobs create http tick {|PAX002:--uri=https://tick-abc123-uc.a.run.app/cron/tick|} \
              --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            """)));

    [Fact]
    public Task A_public_deploy_in_deploy_sh_counts_for_a_tokenless_push_in_setup_sh() => Verify.RunAsync(Verify.ForFiles(
        ("deploy.sh", "gcloud run deploy orders --image=img --allow-unauthenticated\n"),
        ("setup-pubsub.sh", "gcloud pubsub subscriptions create orders --topic=orders --push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/push\n")));

    [Fact]
    public Task A_private_deploy_in_one_script_makes_a_tokenless_push_in_another_PAX004() => Verify.RunAsync(Verify.ForFiles(
        ("deploy.sh", "gcloud run deploy orders --image=img --no-allow-unauthenticated\n"),
        ("setup-pubsub.sh", "gcloud pubsub subscriptions create orders --topic=orders {|PAX004:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/push|}\n")));

    [Fact]
    public Task A_private_deploy_of_orders_does_not_capture_the_URL_of_orders_webhook_in_another_file() => Verify.RunAsync(Verify.ForFiles(
        // SERVICE-HASH-REGIONCODE.a.run.app: "orders-webhook-x7k2pq3r4a-uc" is service orders-webhook, which no file deploys.
        ("deploy.sh", "gcloud run deploy orders --image=img --no-allow-unauthenticated\n"),
        ("webhook.sh", "gcloud run services add-iam-policy-binding orders-webhook --member=allUsers --role=roles/run.invoker\n"),
        ("setup-pubsub.sh", "gcloud pubsub subscriptions create hooks --topic=hooks --push-endpoint=https://orders-webhook-x7k2pq3r4a-uc.a.run.app/push\n")));

    [Fact]
    public Task A_grant_on_orders_worker_counts_for_its_URL_although_orders_is_deployed_too() => Verify.RunAsync(Verify.ForFiles(
        ("deploy.sh", "gcloud run deploy orders --image=img --no-allow-unauthenticated\n"),
        ("grant.sh", """
            gcloud run services add-iam-policy-binding orders-worker \
              --member=serviceAccount:tick@p.iam.gserviceaccount.com --role=roles/run.invoker
            """),
        ("scheduler.sh", """
            gcloud scheduler jobs create http work --uri=https://orders-worker-x7k2pq3r4a-uc.a.run.app/work \
              --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            gcloud scheduler jobs create http tagged {|PAX002:--uri=https://canary---orders-x7k2pq3r4a-uc.a.run.app/work|} \
              --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            """)));

    [Fact]
    public Task A_project_level_grant_in_a_workflow_counts_for_an_Eventarc_trigger_in_a_script_and_a_Cloud_Build_grant_for_a_workflow() =>
        Verify.RunAsync(Verify.ForFiles(
            (".github/workflows/setup.yml", """
                jobs:
                  iam:
                    runs-on: ubuntu-latest
                    steps:
                      - run: gcloud projects add-iam-policy-binding p --member=serviceAccount:trigger@p.iam.gserviceaccount.com --role=roles/run.invoker
                      - run: gcloud pubsub subscriptions create s --topic=t --push-endpoint=https://billing-x7k2pq3r4a-uc.a.run.app/ --push-auth-service-account=push@p.iam.gserviceaccount.com
                """),
            ("cloudbuild.yaml", """
                steps:
                  - name: gcr.io/cloud-builders/gcloud
                    args: ['run', 'services', 'add-iam-policy-binding', 'billing', '--member=serviceAccount:push@p.iam.gserviceaccount.com', '--role=roles/run.invoker']
                """),
            ("deploy/trigger.sh", """
                gcloud eventarc triggers create completions --destination-run-service=orchestrator \
                  --service-account=trigger@p.iam.gserviceaccount.com
                """)));

    [Fact]
    public Task A_grant_on_a_target_known_only_at_run_time_may_be_the_one_and_is_never_the_reason_for_a_report() => Verify.RunAsync(Verify.ForFiles(
        ("grant.sh", "gcloud run services add-iam-policy-binding \"$SERVICE\" --member=serviceAccount:tick@p.iam.gserviceaccount.com --role=roles/run.invoker\n"),
        ("scheduler.sh", Deploy + "\ngcloud scheduler jobs create http tick --uri=https://tick-abc123-uc.a.run.app/cron/tick --oidc-service-account-email=tick@p.iam.gserviceaccount.com\n"),
        ("unknown-target.sh", "gcloud scheduler jobs create http x --uri=\"$URL\" --oidc-service-account-email=nobody@p.iam.gserviceaccount.com\n")));

    [Fact]
    public Task A_PAX002_is_suppressed_by_a_directive_in_the_file_it_is_reported_in_not_in_another() => Verify.RunAsync(Verify.ForFiles(
        ("a.sh", "# pax-ignore-file: PAX002 the grants of this file are made by hand\n" + Deploy),
        ("b.sh", """
            gcloud scheduler jobs create http tick {|PAX002:--uri=https://tick-abc123-uc.a.run.app/cron/tick|} --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            # pax-ignore: PAX002 reviewed
            gcloud scheduler jobs create http tock --uri=https://tick-abc123-uc.a.run.app/cron/tock --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            """)));

    [Fact]
    public Task A_script_grant_counts_in_a_Terraform_module() => Terraform(
        ("deploy/grant.sh", Grant),
        ("infra/main.tf", """
            resource "google_cloud_run_v2_service" "tick" {
              name = "tick"
            }

            resource "google_cloud_scheduler_job" "tick" {
              http_target {
                uri = "${google_cloud_run_v2_service.tick.uri}/cron/tick"
                oidc_token {
                  service_account_email = "tick@p.iam.gserviceaccount.com"
                }
              }
            }
            """));

    [Theory]
    [InlineData("google_cloud_run_v2_service_iam_member")]
    [InlineData("google_cloud_run_service_iam_member")]
    public Task A_Terraform_grant_counts_for_a_service_a_script_deploys(string resource) => Verify.RunAsync(Verify.ForFiles(
        ("infra/iam.tf", $$"""
            resource "{{resource}}" "tick" {
              {{(resource.Contains("v2", StringComparison.Ordinal) ? "name" : "service")}} = "tick"
              role   = "roles/run.invoker"
              member = "serviceAccount:tick@p.iam.gserviceaccount.com"
            }
            """),
        ("deploy/scheduler.sh", Deploy + "\ngcloud scheduler jobs create http tick --uri=https://tick-abc123-uc.a.run.app/cron/tick --oidc-service-account-email=tick@p.iam.gserviceaccount.com\n")));

    [Fact]
    public Task A_Terraform_grant_to_another_account_or_target_does_not_count_for_a_script() => Verify.RunAsync(Verify.ForFiles(
        ("infra/iam.tf", """
            resource "google_cloud_run_v2_service_iam_member" "tick" {
              name   = "tick"
              role   = "roles/run.invoker"
              member = "serviceAccount:other@p.iam.gserviceaccount.com"
            }
            resource "google_cloud_run_v2_service_iam_member" "api" {
              name   = "api"
              role   = "roles/run.invoker"
              member = "serviceAccount:tick@p.iam.gserviceaccount.com"
            }
            """),
        ("deploy/scheduler.sh", Deploy + "\ngcloud scheduler jobs create http tick {|PAX002:--uri=https://tick-abc123-uc.a.run.app/cron/tick|} --oidc-service-account-email=tick@p.iam.gserviceaccount.com\n")));

    [Fact]
    public Task A_Terraform_module_without_a_grant_anywhere_is_still_PAX002() => Terraform(
        ("deploy/grant.sh", Grant.Replace("tick@", "other@", StringComparison.Ordinal)),
        ("infra/main.tf", """
            resource "google_cloud_run_v2_service" "tick" {
              name = "tick"
            }

            resource "google_cloud_scheduler_job" "tick" {
              http_target {
                {|PAX002:uri = "${google_cloud_run_v2_service.tick.uri}/cron/tick"|}
                oidc_token {
                  service_account_email = "tick@p.iam.gserviceaccount.com"
                }
              }
            }
            """));

    private static Task Terraform(params (string Path, string Content)[] files)
    {
        var test = AnalyzerCase<TerraformAnalyzer>.ForFiles(files);
        return AnalyzerCase<TerraformAnalyzer>.RunAsync(test);
    }
}
