using Pax.Analyzers.Scripts;
using Pax.Analyzers.Suppression;
using Pax.Analyzers.Terraform;
using Pax.Analyzers.Tests.Support;

namespace Pax.Analyzers.Tests.Suppression;

/// <summary>The suppression contract (docs/rules/README.md, "Suppression") on gcloud scripts and Terraform.</summary>
public sealed class InlineSuppressionTests
{
    private const string OidcToJobs = """
        gcloud scheduler jobs create http collect \
          --uri=https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run \
          --oidc-service-account-email=sa@p.iam.gserviceaccount.com
        """;

    [Fact]
    public Task Script_pax_ignore_covers_the_whole_multi_line_command_after_it() => Script($"""
        # pax-ignore: PAX001 the target validates OIDC itself (reviewed 2026-11)
        {OidcToJobs}
        """);

    [Fact]
    public Task Script_pax_ignore_naming_another_rule_hides_nothing() => Script("""
        # pax-ignore: PAX002 wrong rule named
        gcloud scheduler jobs create http collect \
          --uri=https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run \
          {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task Script_pax_ignore_covers_only_the_next_command() => Script("""
        # pax-ignore: PAX001,PAX003 reviewed

        gcloud scheduler jobs create http a --uri=https://run.googleapis.com/v2/x/jobs/a:run --oidc-service-account-email=sa@p.iam.gserviceaccount.com
        gcloud scheduler jobs create http b --uri=https://run.googleapis.com/v2/x/jobs/b:run {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task Script_pax_ignore_before_an_if_covers_the_block() => Script("""
        # pax-ignore: PAX001 reason
        if [ -n "$CREATE" ]; then
          gcloud scheduler jobs create http a --uri=https://run.googleapis.com/v2/x/jobs/a:run --oidc-service-account-email=sa@p.iam.gserviceaccount.com
        fi
        gcloud scheduler jobs create http b --uri=https://run.googleapis.com/v2/x/jobs/b:run {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task Script_pax_ignore_file_anywhere_covers_the_file() => Script($"""
        {OidcToJobs}
        gcloud scheduler jobs create http b --uri=https://run.googleapis.com/v2/x/jobs/b:run --oidc-service-account-email=sa@p.iam.gserviceaccount.com
        # pax-ignore-file: PAX001 legacy script, replaced in Q1
        """);

    [Fact]
    public Task Script_a_trailing_comment_is_not_a_directive() => Script("""
        gcloud scheduler jobs create http b --uri=https://run.googleapis.com/v2/x/jobs/b:run {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|} # pax-ignore: PAX001
        """);

    [Fact]
    public Task Script_pax002_is_suppressed_too() => Script("""
        # pax-ignore: PAX002 the invoker grant is made by the platform team's Terraform
        gcloud pubsub subscriptions create s --topic=t \
          --push-endpoint=https://orders-123456789.us-central1.run.app/push \
          --push-auth-service-account=push@p.iam.gserviceaccount.com
        gcloud pubsub subscriptions create s2 --topic=t {|PAX002:--push-endpoint=https://orders-123456789.us-central1.run.app/push|} \
          --push-auth-service-account=push@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Terraform_pax_ignore_covers_the_resource_block() => Terraform(("infra/main.tf", """
        # pax-ignore: PAX001 reviewed
        resource "google_cloud_scheduler_job" "a" {
          http_target {
            uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/a:run"
            oidc_token { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        resource "google_cloud_scheduler_job" "b" {
          http_target {
            uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/b:run"
            {|PAX001:oidc_token|} { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task Terraform_slash_comment_and_a_nested_block() => Terraform(("infra/main.tf", """
        resource "google_cloud_scheduler_job" "a" {
          http_target {
            uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/a:run"
            // pax-ignore: PAX003, PAX001 reviewed
            oidc_token {
              service_account_email = "sa@p.iam.gserviceaccount.com"
            }
          }
        }
        """));

    [Fact]
    public Task Terraform_wrong_rule_named_hides_nothing() => Terraform(("infra/main.tf", """
        # pax-ignore: PAX003 wrong rule
        resource "google_cloud_scheduler_job" "a" {
          http_target {
            uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/a:run"
            {|PAX001:oidc_token|} { service_account_email = "sa@p.iam.gserviceaccount.com" }
          }
        }
        """));

    [Fact]
    public Task Terraform_file_directive_and_pax002_at_module_end() => Terraform(
        ("infra/run.tf", """
            resource "google_cloud_run_v2_service" "api" {
              name = "api"
            }
            """),
        ("infra/pubsub.tf", """
            # pax-ignore-file: PAX002 granted by the platform module
            resource "google_pubsub_subscription" "push" {
              push_config {
                push_endpoint = "${google_cloud_run_v2_service.api.uri}/push"
                oidc_token { service_account_email = "push@p.iam.gserviceaccount.com" }
              }
            }
            """),
        ("infra/other.tf", """
            resource "google_pubsub_subscription" "push2" {
              push_config {
                {|PAX002:push_endpoint = "${google_cloud_run_v2_service.api.uri}/push"|}
                oidc_token { service_account_email = "push@p.iam.gserviceaccount.com" }
              }
            }
            """));

    [Fact]
    public void Rule_ids_are_read_with_or_without_spaces_after_commas_and_stop_at_the_reason()
    {
        Assert.Equal(["PAX001", "PAX002"], InlineSuppressions.RuleIdsOf(" PAX001, PAX002 because reasons, more"));
        Assert.Equal(["PAX001"], InlineSuppressions.RuleIdsOf("pax001 reason"));
        Assert.Empty(InlineSuppressions.RuleIdsOf("  "));
    }

    [Fact]
    public Task A_globalconfig_severity_reaches_diagnostics_on_additional_files()
    {
        var test = AnalyzerCase<GcloudScriptAnalyzer>.ForFiles(("/deploy.sh", OidcToJobs));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.PAX001.severity = none\n"));
        return AnalyzerCase<GcloudScriptAnalyzer>.RunAsync(test);
    }

    [Theory]
    [InlineData("[*.sh]")]
    [InlineData("[*]")]
    public Task An_editorconfig_section_does_not_reach_diagnostics_on_the_script(string section)
    {
        var test = AnalyzerCase<GcloudScriptAnalyzer>.ForFiles(("/deploy.sh", OidcToJobs.Replace(
            "--oidc-service-account-email=sa@p.iam.gserviceaccount.com", "{|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|}", StringComparison.Ordinal)));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n" + section + "\ndotnet_diagnostic.PAX001.severity = none\n"));
        return AnalyzerCase<GcloudScriptAnalyzer>.RunAsync(test);
    }

    [Fact]
    public Task NoWarn_reaches_diagnostics_on_the_script()
    {
        // <NoWarn> becomes the compilation's specific diagnostic options.
        var test = AnalyzerCase<GcloudScriptAnalyzer>.ForFiles(("/deploy.sh", OidcToJobs));
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(
                options.SpecificDiagnosticOptions.SetItem("PAX001", Microsoft.CodeAnalysis.ReportDiagnostic.Suppress)));
        });
        return AnalyzerCase<GcloudScriptAnalyzer>.RunAsync(test);
    }

    private static Task Script(string content) =>
        AnalyzerCase<GcloudScriptAnalyzer>.RunAsync(AnalyzerCase<GcloudScriptAnalyzer>.ForFiles(("deploy.sh", content)));

    private static Task Terraform(params (string Path, string Content)[] files) =>
        AnalyzerCase<TerraformAnalyzer>.RunAsync(AnalyzerCase<TerraformAnalyzer>.ForFiles(files));
}
