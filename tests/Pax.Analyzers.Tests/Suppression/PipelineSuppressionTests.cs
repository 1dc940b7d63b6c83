using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Suppression;

/// <summary><c># pax-ignore:</c> in GitHub Actions workflows and Cloud Build configs: YAML comments and shell comments alike.</summary>
public sealed class PipelineSuppressionTests
{
    private const string Oidc = "gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run";

    [Fact]
    public Task A_directive_before_a_step_covers_the_whole_step() => Workflow($$"""
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              # pax-ignore: PAX001 the target is our proxy, which checks ID tokens (reviewed 2026-12)
              - name: schedule
                run: |
                  {{Oidc}} \
                    --oidc-service-account-email=a@p.iam.gserviceaccount.com
              - run: {{Oidc}} {|PAX001:--oidc-service-account-email=b@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task A_directive_inside_a_run_block_covers_the_multi_line_command_after_it() => Workflow($$"""
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  # pax-ignore: PAX001 reviewed
                  {{Oidc}} \
                    --oidc-service-account-email=a@p.iam.gserviceaccount.com
                  {{Oidc}} \
                    {|PAX001:--oidc-service-account-email=b@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task A_directive_before_run_covers_the_block_and_one_naming_another_rule_hides_nothing() => Workflow($$"""
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - name: schedule
                # pax-ignore: PAX001 reviewed
                run: |
                  {{Oidc}} --oidc-service-account-email=a@p.iam.gserviceaccount.com
                  {{Oidc}} --oidc-service-account-email=b@p.iam.gserviceaccount.com
              - name: other
                # pax-ignore: PAX003 wrong rule named
                run: {{Oidc}} {|PAX001:--oidc-service-account-email=c@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task A_directive_before_a_Cloud_Build_argument_and_a_file_directive_work() => Verify.RunAsync(Verify.ForFiles(
        ("cloudbuild.yaml", """
            steps:
              - name: gcr.io/cloud-builders/gcloud
                args:
                  - scheduler
                  - jobs
                  - create
                  - http
                  - j
                  - --uri=https://run.googleapis.com/v2/x:run
                  # pax-ignore: PAX001 reviewed
                  - --oidc-service-account-email=a@p.iam.gserviceaccount.com
              - name: gcr.io/cloud-builders/gcloud
                args: ['scheduler', 'jobs', 'create', 'http', 'k', '--uri=https://run.googleapis.com/v2/x:run', {|PAX001:'--oidc-service-account-email=a@p.iam.gserviceaccount.com'|}]
            """),
        ("cloudbuild-legacy.yaml", """
            # pax-ignore-file: PAX001 legacy pipeline, replaced in Q1
            steps:
              - name: gcr.io/cloud-builders/gcloud
                args: ['scheduler', 'jobs', 'create', 'http', 'k', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
            """)));

    private static Task Workflow(string content) => Verify.RunAsync(Verify.ForFiles((".github/workflows/deploy.yml", content)));
}
