using Microsoft.CodeAnalysis.Testing;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Terraform.TerraformAnalyzer>;

namespace Pax.Analyzers.Tests.Terraform;

public sealed class TerraformAnalyzerTests
{
    private static Task Module(params (string Path, string Content)[] files) => Verify.RunAsync(Verify.ForFiles(files));

    [Fact]
    public Task Oidc_token_on_the_v2_jobs_run_url_is_PAX001() => Module(("infra/main.tf", """
        resource "google_cloud_scheduler_job" "collector" {
          schedule = "*/30 * * * *"
          http_target {
            http_method = "POST"
            uri         = "https://run.googleapis.com/v2/projects/${var.project}/locations/${var.region}/jobs/collector:run"
            {|PAX001:oidc_token|} {
              service_account_email = google_service_account.scheduler.email
            }
          }
        }
        """));

    [Fact]
    public Task Oidc_token_on_the_v1_regional_url_from_a_variable_default_is_PAX001() => Module(("infra/main.tf", """
        variable "job_run_url" {
          default = "https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/collector:run"
        }
        locals {
          url = var.job_run_url
        }
        resource "google_cloud_scheduler_job" "collector" {
          http_target {
            uri = local.url
            {|PAX001:oidc_token|} { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task OAuth_token_on_the_jobs_run_url_is_silent() => Module(("infra/main.tf", """
        resource "google_cloud_run_v2_job_iam_member" "scheduler" {
          name   = "collector"
          role   = "roles/run.invoker"
          member = "serviceAccount:sa@p.iam.gserviceaccount.com"
        }
        resource "google_cloud_scheduler_job" "collector" {
          http_target {
            uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run"
            oauth_token {
              service_account_email = "sa@p.iam.gserviceaccount.com"
              scope                 = "https://www.googleapis.com/auth/cloud-platform"
            }
          }
        }
        """));

    [Fact]
    public Task OAuth_token_on_a_service_uri_is_PAX003() => Module(("infra/main.tf", """
        resource "google_cloud_scheduler_job" "tick" {
          http_target {
            uri = "${google_cloud_run_v2_service.tick.uri}/cron/tick"
            {|PAX003:oauth_token|} { service_account_email = "tick@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task Commented_out_blocks_are_silent() => Module(("infra/main.tf", """
        # resource "google_cloud_scheduler_job" "collector" {
        #   http_target {
        #     uri = "https://run.googleapis.com/v2/x:run"
        #     oidc_token { service_account_email = "a" }
        #   }
        # }
        /*
        resource "google_cloud_scheduler_job" "other" {
          http_target {
            uri = "https://run.googleapis.com/v2/x:run"
            oidc_token { service_account_email = "a" }
          }
        }
        */
        """));

    [Fact]
    public Task Push_to_a_service_without_grant_is_PAX002() => Module(("infra/pubsub.tf", """
        resource "google_pubsub_subscription" "completions" {
          topic = google_pubsub_topic.completions.id
          push_config {
            {|PAX002:push_endpoint = "${google_cloud_run_v2_service.orchestrator.uri}/pubsub"|}
            oidc_token {
              service_account_email = "push@p.iam.gserviceaccount.com"
            }
          }
        }
        """));

    [Fact]
    public Task Grant_in_another_file_of_the_same_module_counts() => Module(
        ("infra/pubsub.tf", """
            resource "google_pubsub_subscription" "completions" {
              push_config {
                push_endpoint = google_cloud_run_v2_service.orchestrator.uri
                oidc_token { service_account_email = google_service_account.push.email }
              }
            }
            """),
        ("infra/iam.tf", """
            resource "google_cloud_run_v2_service_iam_member" "push" {
              name   = google_cloud_run_v2_service.orchestrator.name
              role   = "roles/run.invoker"
              member = "serviceAccount:${google_service_account.push.email}"
            }
            """));

    [Fact]
    public Task Grant_in_another_module_does_not_count() => Module(
        ("infra/pubsub.tf", """
            resource "google_pubsub_subscription" "completions" {
              push_config {
                {|PAX002:push_endpoint = google_cloud_run_v2_service.orchestrator.uri|}
                oidc_token { service_account_email = "push@p.iam.gserviceaccount.com" }
              }
            }
            """),
        ("other/iam.tf", """
            resource "google_cloud_run_v2_service_iam_member" "push" {
              role   = "roles/run.invoker"
              member = "serviceAccount:push@p.iam.gserviceaccount.com"
            }
            """));

    [Fact]
    public Task Binding_for_another_account_is_PAX002() => Module(("infra/main.tf", """
        resource "google_cloud_run_service_iam_binding" "invokers" {
          role    = "roles/run.invoker"
          members = ["serviceAccount:someone@p.iam.gserviceaccount.com"]
        }
        resource "google_cloud_scheduler_job" "tick" {
          http_target {
            {|PAX002:uri = "https://tick-abc123-uc.a.run.app/cron/tick"|}
            oidc_token { service_account_email = "tick@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task Iam_policy_data_binding_counts() => Module(("infra/main.tf", """
        data "google_iam_policy" "invokers" {
          binding {
            role    = "roles/run.invoker"
            members = ["serviceAccount:tick@p.iam.gserviceaccount.com"]
          }
        }
        resource "google_cloud_scheduler_job" "tick" {
          http_target {
            uri = "https://tick-abc123-uc.a.run.app/cron/tick"
            oidc_token { service_account_email = "tick@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task Service_with_invoker_iam_check_disabled_counts_as_granted() => Module(("infra/main.tf", """
        resource "google_cloud_run_v2_service" "orchestrator" {
          name                 = "orchestrator"
          invoker_iam_disabled = true
        }
        resource "google_pubsub_subscription" "completions" {
          push_config { push_endpoint = google_cloud_run_v2_service.orchestrator.uri }
        }
        """));

    [Fact]
    public Task Eventarc_trigger_without_grant_is_PAX002() => Module(("infra/main.tf", """
        resource "google_eventarc_trigger" "completions" {
          location = "us-central1"
          matching_criteria {
            attribute = "type"
            value     = "google.cloud.pubsub.topic.v1.messagePublished"
          }
          destination {
            {|PAX002:cloud_run_service|} {
              service = google_cloud_run_v2_service.orchestrator.name
              region  = "us-central1"
            }
          }
          service_account = google_service_account.trigger.email
        }
        """));

    [Fact]
    public async Task A_trigger_naming_no_account_runs_as_the_default_one_and_one_from_a_variable_is_named_by_its_attribute()
    {
        var test = Verify.ForFiles(("infra/main.tf", """
            variable "trigger_account" {}
            resource "google_eventarc_trigger" "defaulted" {
              destination {
                {|#0:cloud_run_service|} { service = "orchestrator" }
              }
            }
            resource "google_eventarc_trigger" "given" {
              destination {
                {|#1:cloud_run_service|} { service = "orchestrator" }
              }
              service_account = var.trigger_account
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.MissingInvokerGrant).WithLocation(0)
            .WithArguments("Eventarc trigger 'defaulted'", "orchestrator", "the project's Compute Engine default service account (it names no account)", "roles/run.invoker", "run.routes.invoke"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.MissingInvokerGrant).WithLocation(1)
            .WithArguments("Eventarc trigger 'given'", "orchestrator", "the account in service_account, which could not be read at build time", "roles/run.invoker", "run.routes.invoke"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public Task Event_triggered_function_with_function_iam_member_is_silent() => Module(("infra/main.tf", """
        resource "google_cloudfunctions2_function" "orchestrator" {
          name = "orchestrator"
          event_trigger {
            event_type            = "google.cloud.pubsub.topic.v1.messagePublished"
            pubsub_topic          = google_pubsub_topic.completions.id
            service_account_email = google_service_account.trigger.email
          }
        }
        resource "google_cloudfunctions2_function_iam_member" "invoker" {
          cloud_function = google_cloudfunctions2_function.orchestrator.name
          role           = "roles/run.invoker"
          member         = "serviceAccount:${google_service_account.trigger.email}"
        }
        """));

    [Fact]
    public Task Event_triggered_function_without_grant_is_PAX002() => Module(("infra/main.tf", """
        resource "google_cloudfunctions2_function" "orchestrator" {
          name = "orchestrator"
          {|PAX002:event_trigger|} {
            pubsub_topic = google_pubsub_topic.completions.id
          }
        }
        """));

    [Fact]
    public Task Dynamic_oidc_token_on_a_google_api_is_PAX001() => Module(("infra/main.tf", """
        resource "google_cloud_scheduler_job" "collector" {
          http_target {
            uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run"
            {|PAX001:dynamic "oidc_token"|} {
              for_each = [1]
              content { service_account_email = var.sa }
            }
          }
        }
        """));
}
