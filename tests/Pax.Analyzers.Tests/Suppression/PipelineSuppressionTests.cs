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
    public Task PAX002_and_PAX004_of_the_project_unit_are_suppressed_where_they_are_reported_in_YAML() => Verify.RunAsync(Verify.ForFiles(
        (".github/workflows/deploy.yml", """
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  # pax-ignore: PAX002 the platform team grants the invoker role (reviewed 2026-12)
                  - run: gcloud scheduler jobs create http a --uri=https://tick-abc123-uc.a.run.app/ --oidc-service-account-email=a@p.iam.gserviceaccount.com
                  - run: gcloud scheduler jobs create http b {|PAX002:--uri=https://tick-abc123-uc.a.run.app/|} --oidc-service-account-email=b@p.iam.gserviceaccount.com
            """),
        ("cloudbuild.yaml", """
            steps:
            - name: gcr.io/cloud-builders/gcloud
              args: [run, deploy, orders, --image=img]
            - name: gcr.io/cloud-builders/gcloud
              args:
              - pubsub
              - subscriptions
              - create
              - s
              - --topic=t
              # pax-ignore: PAX004 the push goes through our authenticating proxy (reviewed 2026-12)
              - --push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/
            - name: gcr.io/cloud-builders/gcloud
              args: [pubsub, subscriptions, create, u, --topic=t, {|PAX004:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/|}]
            """),
        ("deploy.sh", """
            cat > cloudbuild.generated.yaml <<EOF
            steps:
            - name: gcr.io/cloud-builders/gcloud
              args:
              - scheduler
              - jobs
              - create
              - http
              - c
              # pax-ignore: PAX002 granted by the platform team (reviewed 2026-12)
              - --uri=https://tick-abc123-uc.a.run.app/
              - --oidc-service-account-email=c@p.iam.gserviceaccount.com
            - name: gcr.io/cloud-builders/gcloud
              args: [scheduler, jobs, create, http, d, {|PAX002:--uri=https://tick-abc123-uc.a.run.app/|}, --oidc-service-account-email=d@p.iam.gserviceaccount.com]
            EOF
            gcloud builds submit --config cloudbuild.generated.yaml
            """)));

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
