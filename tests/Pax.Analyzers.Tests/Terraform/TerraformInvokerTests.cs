using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Terraform.TerraformAnalyzer>;

namespace Pax.Analyzers.Tests.Terraform;

/// <summary>PAX002 in real-world style modules spread over several files: who can invoke which target.</summary>
public sealed class TerraformInvokerTests
{
    private const string Service = """
        resource "google_cloud_run_v2_service" "api" {
          name     = var.service_name
          location = var.region
        }
        """;

    private const string Variables = """
        variable "service_name" {
          default = "orders-api"
        }
        variable "region" {
          default = "us-central1"
        }
        """;

    private static Task Module(params (string Path, string Content)[] files) => Verify.RunAsync(Verify.ForFiles(files));

    private static (string, string) Push(string name, string endpoint, bool reported) => ($"infra/push-{name}.tf", $$"""
        resource "google_pubsub_subscription" "{{name}}" {
          push_config {
            {{(reported ? "{|PAX002:" : "")}}push_endpoint = "{{endpoint}}"{{(reported ? "|}" : "")}}
            oidc_token { service_account_email = google_service_account.push.email }
          }
        }
        resource "google_service_account" "push" {
          account_id = "push"
        }
        """);

    [Fact]
    public Task A_project_level_owner_push_identity_can_invoke() => Module(
        ("infra/variables.tf", Variables),
        ("infra/run.tf", Service),
        ("infra/iam.tf", """
            resource "google_project_iam_member" "push_owner" {
              project = var.project
              role    = "roles/owner"
              member  = "serviceAccount:push@p.iam.gserviceaccount.com"
            }
            """),
        ("infra/pubsub.tf", """
            resource "google_pubsub_subscription" "orders" {
              push_config {
                push_endpoint = "${google_cloud_run_v2_service.api.uri}/push"
                oidc_token { service_account_email = "push@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public Task A_project_level_role_without_the_permission_does_not_count() => Module(
        ("infra/variables.tf", Variables),
        ("infra/run.tf", Service),
        ("infra/iam.tf", """
            resource "google_project_iam_member" "push_subscriber" {
              project = var.project
              role    = "roles/pubsub.subscriber"
              member  = "serviceAccount:push@p.iam.gserviceaccount.com"
            }
            """),
        ("infra/pubsub.tf", """
            resource "google_pubsub_subscription" "orders" {
              push_config {
                {|PAX002:push_endpoint = "${google_cloud_run_v2_service.api.uri}/push"|}
                oidc_token { service_account_email = "push@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public Task A_custom_role_means_cannot_tell() => Module(
        ("infra/run.tf", Service),
        ("infra/iam.tf", """
            resource "google_cloud_run_v2_service_iam_member" "push" {
              name   = google_cloud_run_v2_service.api.name
              role   = "projects/p/roles/pipelineInvoker"
              member = "serviceAccount:push@p.iam.gserviceaccount.com"
            }
            """),
        Push("orders", "${google_cloud_run_v2_service.api.uri}/push", reported: false));

    [Fact]
    public Task A_public_service_beside_a_private_one_does_not_make_the_private_one_public() => Module(
        ("infra/run.tf", """
            resource "google_cloud_run_v2_service" "public" {
              name = "storefront"
            }
            resource "google_cloud_run_v2_service" "private" {
              name = "orders"
            }
            """),
        ("infra/iam.tf", """
            # A v1 IAM resource on a v2 service: the same policy.
            resource "google_cloud_run_service_iam_member" "storefront_public" {
              service = google_cloud_run_v2_service.public.name
              role    = "roles/run.invoker"
              member  = "allUsers"
            }
            """),
        Push("storefront", "${google_cloud_run_v2_service.public.uri}/push", reported: false),
        Push("orders", "${google_cloud_run_v2_service.private.uri}/push", reported: true));

    [Fact]
    public Task A_grant_on_another_service_named_by_its_deterministic_url_does_not_count() => Module(
        ("infra/iam.tf", """
            resource "google_cloud_run_v2_service_iam_member" "a" {
              name   = "billing"
              role   = "roles/run.invoker"
              member = "serviceAccount:push@p.iam.gserviceaccount.com"
            }
            """),
        Push("billing", "https://billing-123456789012.us-central1.run.app/push", reported: false),
        Push("orders", "https://orders-123456789012.us-central1.run.app/push", reported: true));

    [Fact]
    public Task Gen1_pubsub_triggered_functions_have_no_invoker_check() => Module(("fn/main.tf", """
        resource "google_cloudfunctions_function" "ingest" {
          name    = "ingest"
          runtime = "python312"
          event_trigger {
            event_type = "google.pubsub.topic.publish"
            resource   = google_pubsub_topic.in.id
          }
        }
        """));

    [Fact]
    public Task A_gen1_http_function_needs_cloudfunctions_invoker_not_run_invoker() => Module(
        ("fn/main.tf", """
            resource "google_cloudfunctions_function" "report" {
              name         = "report"
              trigger_http = true
            }
            resource "google_cloudfunctions_function" "audit" {
              name         = "audit"
              trigger_http = true
            }
            resource "google_cloudfunctions_function_iam_member" "audit" {
              cloud_function = google_cloudfunctions_function.audit.name
              role           = "roles/cloudfunctions.invoker"
              member         = "serviceAccount:cron@p.iam.gserviceaccount.com"
            }
            resource "google_project_iam_member" "cron_run_invoker" {
              role   = "roles/run.invoker"
              member = "serviceAccount:cron@p.iam.gserviceaccount.com"
            }
            """),
        ("fn/scheduler.tf", """
            resource "google_cloud_scheduler_job" "report" {
              http_target {
                {|PAX002:uri = google_cloudfunctions_function.report.https_trigger_url|}
                oidc_token { service_account_email = "cron@p.iam.gserviceaccount.com" }
              }
            }
            resource "google_cloud_scheduler_job" "audit" {
              http_target {
                uri = google_cloudfunctions_function.audit.https_trigger_url
                oidc_token { service_account_email = "cron@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public Task A_job_run_with_overrides_needs_more_than_run_invoker() => Module(("jobs/main.tf", """
        resource "google_cloud_run_v2_job_iam_member" "cron" {
          name   = "collector"
          role   = "roles/run.invoker"
          member = "serviceAccount:cron@p.iam.gserviceaccount.com"
        }
        resource "google_cloud_scheduler_job" "plain" {
          http_target {
            uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run"
            oauth_token { service_account_email = "cron@p.iam.gserviceaccount.com" }
          }
        }
        resource "google_cloud_scheduler_job" "overrides" {
          http_target {
            {|PAX002:uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run"|}
            body = base64encode(jsonencode({ overrides = { taskCount = 1 } }))
            oauth_token { service_account_email = "cron@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task A_variable_default_and_a_local_from_other_files_are_used() => Module(
        ("infra/variables.tf", """
            variable "run_url" {
              default = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run"
            }
            """),
        ("infra/locals.tf", """
            locals {
              url = var.run_url
            }
            """),
        ("infra/main.tf", """
            resource "google_cloud_scheduler_job" "collector" {
              http_target {
                uri = local.url
                {|PAX001:oidc_token|} { service_account_email = "sa@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public Task A_variable_bound_by_a_calling_module_is_unknown_not_its_default() => Module(
        ("root/main.tf", """
            module "cron" {
              source  = "./cron"
              run_url = "https://orders-abc123-uc.a.run.app/tick"
            }
            """),
        ("root/cron/main.tf", """
            variable "run_url" {
              default = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run"
            }
            resource "google_cloud_scheduler_job" "collector" {
              http_target {
                uri = var.run_url
                oidc_token { service_account_email = "sa@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public Task A_module_called_by_another_may_get_its_grants_from_the_caller() => Module(
        ("root/main.tf", """
            module "orders" {
              source = "./orders"
            }
            resource "google_cloud_run_v2_service_iam_member" "push" {
              name   = module.orders.service_name
              role   = "roles/run.invoker"
              member = "serviceAccount:push@p.iam.gserviceaccount.com"
            }
            """),
        ("root/orders/main.tf", """
            resource "google_cloud_run_v2_service" "api" {
              name = "orders"
            }
            resource "google_pubsub_subscription" "orders" {
              push_config {
                push_endpoint = "${google_cloud_run_v2_service.api.uri}/push"
                oidc_token { service_account_email = "push@p.iam.gserviceaccount.com" }
              }
            }
            """),
        ("other/main.tf", """
            resource "google_cloud_run_v2_service" "api" {
              name = "orders"
            }
            resource "google_pubsub_subscription" "orders" {
              push_config {
                {|PAX002:push_endpoint = "${google_cloud_run_v2_service.api.uri}/push"|}
                oidc_token { service_account_email = "push@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public Task String_functions_are_evaluated_on_known_values() => Module(("infra/main.tf", """
        variable "api_base" {
          default = "HTTPS://RUN.GOOGLEAPIS.COM/v2/"
        }
        locals {
          base = trimsuffix(lower(var.api_base), "/")
          job  = join("/", ["projects", "p", "locations", "l", "jobs", "collector:run"])
        }
        resource "google_cloud_scheduler_job" "formatted" {
          http_target {
            uri = format("%s/%s", local.base, local.job)
            {|PAX001:oidc_token|} { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        resource "google_cloud_scheduler_job" "interpolated" {
          http_target {
            uri = "${trim(local.base, "/")}/${local.job}"
            {|PAX001:oidc_token|} { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task Variable_files_give_variables_their_values() => Module(
        ("infra/variables.tf", """
            variable "run_url" {
              default = "https://example.com/hook"
            }
            """),
        ("infra/terraform.tfvars", """
            run_url = "https://example.com/other"
            """),
        ("infra/prod.auto.tfvars", """
            run_url = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run"
            """),
        ("infra/main.tf", """
            resource "google_cloud_scheduler_job" "collector" {
              http_target {
                uri = var.run_url
                {|PAX001:oidc_token|} { service_account_email = "sa@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public Task Unknown_function_arguments_and_other_functions_are_unknown_never_guessed() => Module(("infra/main.tf", """
        resource "google_cloud_scheduler_job" "other_function" {
          http_target {
            uri = replace("https://run.googleapis.com/v2/x/jobs/a:run", "a", "b")
            oidc_token { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        resource "google_cloud_scheduler_job" "collector" {
          http_target {
            uri = format("https://%s/v2/projects/p/locations/l/jobs/collector:run", var.host)
            oidc_token { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        """));
}
