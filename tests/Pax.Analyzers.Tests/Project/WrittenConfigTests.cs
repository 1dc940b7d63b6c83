using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Project;

/// <summary>
/// A Cloud Build config that a script writes (heredoc, <c>echo</c>/<c>printf</c>) is read when the project submits it
/// (<c>gcloud builds submit --config</c>, <c>gcloud builds triggers create … --build-config</c>), with findings at their
/// line in the script.
/// </summary>
public sealed class WrittenConfigTests
{
    [Fact]
    public Task A_heredoc_config_the_same_script_submits_is_read() => Script("""
        JOB_URI="https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/collector:run"
        cat > cloudbuild.generated.yaml <<EOF
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args:
              - scheduler
              - jobs
              - create
              - http
              - collect
              - --uri=$JOB_URI
              - {|PAX001:--oidc-service-account-email=scheduler@p.iam.gserviceaccount.com|}
        EOF
        gcloud builds submit --config ./cloudbuild.generated.yaml --no-source
        """);

    [Fact]
    public Task A_config_written_by_one_script_and_submitted_by_a_trigger_in_another_is_read() => Verify.RunAsync(Verify.ForFiles(
        ("deploy/01-write-config.sh", """
            tee build/deploy.yaml <<'YAML' >/dev/null
            steps:
            - name: gcr.io/cloud-builders/gcloud
              entrypoint: bash
              args: ['-c', 'gcloud scheduler jobs create http tick --uri=https://tick-abc123-uc.a.run.app/ {|PAX003:--oauth-service-account-email=t@p.iam.gserviceaccount.com|}']
            YAML
            """),
        ("deploy/02-trigger.sh", """
            gcloud builds triggers create github --repo-name=app --repo-owner=me --branch-pattern='^main$' --build-config=build/deploy.yaml
            """)));

    [Fact]
    public Task A_written_config_nobody_submits_is_not_read() => Script("""
        cat > cloudbuild.generated.yaml <<EOF
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
        EOF
        gcloud builds submit --config other.yaml
        """);

    [Fact]
    public Task A_config_written_with_echo_is_read() => Script("""
        echo "steps:" > cb.yaml
        echo "- name: gcr.io/cloud-builders/gcloud" >> cb.yaml
        echo "  args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', {|PAX001:'--oidc-service-account-email=a@p.iam.gserviceaccount.com'|}]" >> cb.yaml
        gcloud builds submit --config=cb.yaml .
        """);

    [Fact]
    public Task A_config_written_with_printf_is_read() => Script("""
        printf 'steps:\n- name: gcr.io/cloud-builders/gcloud\n  args: [scheduler, jobs, create, http, j, --uri=https://run.googleapis.com/v2/x:run, {|PAX001:--oidc-service-account-email=a@p.iam.gserviceaccount.com|}]\n' > cb.yaml
        gcloud builds submit --config=cb.yaml .
        """);

    [Fact]
    public Task A_quoted_heredoc_is_not_expanded_so_its_variables_stay_Cloud_Build_substitutions() => Script("""
        JOB_URI="https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/collector:run"
        cat > cloudbuild.generated.yaml <<'EOF'
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=$JOB_URI', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
        EOF
        gcloud builds submit --config cloudbuild.generated.yaml
        """);

    [Fact]
    public Task What_a_written_config_deploys_counts_for_the_project() => Verify.RunAsync(Verify.ForFiles(
        ("deploy.sh", """
            cat > cloudbuild.generated.yaml <<EOF
            steps:
            - name: gcr.io/cloud-builders/gcloud
              args: ['run', 'deploy', 'storefront', '--image=img', '--allow-unauthenticated']
            - name: gcr.io/cloud-builders/gcloud
              args: ['run', 'deploy', 'orders', '--image=img']
            EOF
            gcloud builds submit --config cloudbuild.generated.yaml
            """),
        ("pubsub.sh", """
            gcloud pubsub subscriptions create a --topic=t --push-endpoint=https://storefront-x7k2pq3r4a-uc.a.run.app/
            gcloud pubsub subscriptions create b --topic=t {|PAX004:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/|}
            """)));

    [Fact]
    public Task A_directive_in_the_writing_script_suppresses_in_the_config() => Script("""
        cat > cloudbuild.generated.yaml <<EOF
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args:
              - scheduler
              - jobs
              - create
              - http
              - j
              - --uri=https://run.googleapis.com/v2/x:run
              # pax-ignore: PAX001 the target is a proxy that checks ID tokens (reviewed 2026-12)
              - --oidc-service-account-email=a@p.iam.gserviceaccount.com
        EOF
        gcloud builds submit --config cloudbuild.generated.yaml
        """);

    [Fact]
    public Task A_directive_before_the_command_that_writes_the_config_covers_the_whole_config() => Script("""
        # pax-ignore: PAX001 legacy jobs behind our ID-token proxy (reviewed 2026-12)
        cat > cloudbuild.generated.yaml <<EOF
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args: ['scheduler', 'jobs', 'create', 'http', 'a', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
          - name: gcr.io/cloud-builders/gcloud
            args: ['scheduler', 'jobs', 'create', 'http', 'b', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
        EOF
        gcloud builds submit --config cloudbuild.generated.yaml
        gcloud scheduler jobs create http c --uri=https://run.googleapis.com/v2/x:run {|PAX001:--oidc-service-account-email=a@p.iam.gserviceaccount.com|}
        """);

    [Theory]
    [InlineData("gcloud builds submit")]
    [InlineData("gcloud builds submit .")]
    [InlineData("gcloud beta builds submit --region=us-central1 --no-source")]
    public Task A_cloudbuild_yaml_written_to_the_current_directory_is_what_a_submit_without_config_runs(string submit) => Script($$"""
        cat > ./cloudbuild.yaml <<EOF
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', {|PAX001:'--oidc-service-account-email=a@p.iam.gserviceaccount.com'|}]
        EOF
        {{submit}}
        """);

    [Theory]
    [InlineData("gcloud builds submit --tag gcr.io/p/app .")]
    [InlineData("gcloud builds submit -t gcr.io/p/app .")]
    [InlineData("gcloud builds submit --pack image=gcr.io/p/app .")]
    [InlineData("gcloud builds submit --config other.yaml .")]
    [InlineData("gcloud builds triggers create github --repo-name=app --repo-owner=me --branch-pattern=main --dockerfile=Dockerfile")]
    public Task A_submit_that_builds_an_image_or_names_another_config_does_not_run_cloudbuild_yaml(string submit) => Script($$"""
        cat > cloudbuild.yaml <<EOF
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
        EOF
        {{submit}}
        """);

    private static Task Script(string content) => Verify.RunAsync(Verify.ForFiles(("deploy.sh", content)));
}
