using Microsoft.CodeAnalysis.Testing;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Pipelines;

/// <summary>PAX001-PAX004 on the gcloud commands of Cloud Build steps: argument lists, <c>bash -c</c> and <c>script</c>.</summary>
public sealed class CloudBuildTests
{
    private const string Path = "cloudbuild.yaml";

    [Fact]
    public Task An_args_list_run_by_entrypoint_gcloud_is_read_argument_by_argument() => Build("""
        substitutions:
          _REGION: us-east1
          _JOB: collector
        steps:
          - name: gcr.io/google.com/cloudsdktool/cloud-sdk
            entrypoint: gcloud
            args:
              - scheduler
              - jobs
              - create
              - http
              - ${_JOB}-every-30-min
              - --uri=https://${_REGION}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/$PROJECT_ID/jobs/${_JOB}:run
              - {|PAX001:'--oidc-service-account-email'
              - 'scheduler@$PROJECT_ID.iam.gserviceaccount.com'|}
        """);

    [Fact]
    public Task The_gcloud_builders_default_entrypoint_runs_gcloud_and_a_call_without_a_token_to_a_Google_API_is_PAX004() => Build("""
        steps:
        - name: 'gcr.io/cloud-builders/gcloud'
          args: ['scheduler', 'jobs', 'create', 'http', 'collect', {|PAX004:'--uri=https://run.googleapis.com/v2/projects/$PROJECT_ID/locations/us-east1/jobs/collector:run'|}, '--http-method=POST']
        """);

    [Fact]
    public async Task A_bash_c_script_gets_substitutions_and_dollar_dollar_escapes()
    {
        // "$$" is the test framework's markup for a position: this file is given without markup.
        var test = Verify.ForFiles((Path, """
            substitutions:
              _REGION: europe-west1
            steps:
              - id: schedule
                name: gcr.io/cloud-builders/gcloud
                entrypoint: bash
                args:
                  - -c
                  - |
                    SA="scheduler@$${PROJECT_ID:-p}.iam.gserviceaccount.com"
                    gcloud scheduler jobs describe collect --location=${_REGION} \
                      || gcloud scheduler jobs create http collect --location=${_REGION} \
                        --uri="https://${_REGION}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/$PROJECT_ID/jobs/collector:run" \
                        --oidc-service-account-email="$$SA"
            """));
        test.TestState.MarkupHandling = MarkupMode.None;
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.OidcTokenToGoogleApi)
            .WithSpan(Path, 14, 13, 14, 48)
            .WithArguments("https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/\u2026/jobs/collector:run"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public Task A_script_gets_the_steps_env_and_automapped_substitutions_but_no_substitution_of_its_own() => Build("""
        substitutions:
          _URI: https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run
        options:
          automapSubstitutions: true
        steps:
          - name: gcr.io/google.com/cloudsdktool/cloud-sdk
            env:
              - 'SA=scheduler@p.iam.gserviceaccount.com'
            script: |
              #!/usr/bin/env bash
              gcloud scheduler jobs create http collect --uri="$_URI" {|PAX001:--oidc-service-account-email="$SA"|}
          - name: gcr.io/google.com/cloudsdktool/cloud-sdk
            automapSubstitutions: false
            script: |
              gcloud scheduler jobs create http other --uri="$_URI" --oidc-service-account-email=a@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Other_builders_python_scripts_and_comments_are_not_read() => Build("""
        steps:
          # - name: gcr.io/cloud-builders/gcloud
          #   args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
          - name: gcr.io/cloud-builders/docker
            args: ['run', 'gcloud', 'scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a']
          - name: python
            script: |
              #!/usr/bin/env python
              print("gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a")
        """);

    [Fact]
    public Task A_public_deploy_in_Cloud_Build_counts_and_a_private_one_makes_a_tokenless_push_PAX004() => Build("""
        steps:
          - name: gcr.io/cloud-builders/gcloud
            args: ['run', 'deploy', 'storefront', '--image=img', '--allow-unauthenticated']
          - name: gcr.io/cloud-builders/gcloud
            args: ['run', 'deploy', 'orders', '--image=img', '--no-allow-unauthenticated']
          - name: gcr.io/cloud-builders/gcloud
            entrypoint: bash
            args: ['-ec', 'gcloud pubsub subscriptions create a --topic=t --push-endpoint=https://storefront-x7k2pq3r4a-uc.a.run.app/ && gcloud pubsub subscriptions create b --topic=t {|PAX004:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/|}']
        """);

    [Fact]
    public async Task The_diagnostic_points_at_the_argument_in_the_YAML()
    {
        var test = Verify.ForFiles(("deploy/cloudbuild-prod.yaml", "steps:\n- name: gcr.io/cloud-builders/gcloud\n  args:\n  - scheduler\n  - jobs\n  - create\n  - http\n  - j\n  - --uri=https://run.googleapis.com/v2/x:run\n  - \"--oidc-service-account-email=a@p.iam.gserviceaccount.com\"\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.OidcTokenToGoogleApi)
            .WithSpan("deploy/cloudbuild-prod.yaml", 10, 5, 10, 63)
            .WithArguments("https://run.googleapis.com/v2/x:run"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public Task Kubernetes_Knative_and_Config_Connector_manifests_are_not_read() => Verify.RunAsync(Verify.ForFiles(
        ("k8s/scheduler.yaml", """
            apiVersion: cloudscheduler.cnrm.cloud.google.com/v1beta1
            kind: CloudSchedulerJob
            metadata:
              name: collect
            spec:
              schedule: "*/30 * * * *"
              httpTarget:
                uri: https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run
                oidcToken:
                  serviceAccountRef:
                    external: sa@p.iam.gserviceaccount.com
            """),
        ("k8s/job.yaml", """
            apiVersion: batch/v1
            kind: Job
            spec:
              template:
                spec:
                  containers:
                    - name: setup
                      image: google/cloud-sdk
                      command: ["gcloud", "scheduler", "jobs", "create", "http", "j", "--uri=https://run.googleapis.com/v2/x:run", "--oidc-service-account-email=a@p.iam.gserviceaccount.com"]
            """)));

    [Fact]
    public async Task A_YAML_file_of_another_name_is_read_when_its_item_declares_its_kind()
    {
        const string Steps = """
            steps:
            - name: gcr.io/cloud-builders/gcloud
              args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', {|PAX001:'--oidc-service-account-email=a@p.iam.gserviceaccount.com'|}]
            """;
        var test = Verify.ForFiles(("/project/ci/release.yaml", Steps), ("/project/ci/undeclared.yaml", Steps.Replace("{|PAX001:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)));

        // What the package's props make of <AdditionalFiles Include="ci/release.yaml" PaxFileKind="CloudBuild" />.
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true

            [/project/ci/release.yaml]
            build_metadata.AdditionalFiles.PaxFileKind = CloudBuild
            """));
        await Verify.RunAsync(test);
    }

    [Fact]
    public Task A_substitution_using_others_is_resolved() => Build("""
        substitutions:
          _REGION: us-east1
          _HOST: ${_REGION}-run.googleapis.com
          _JOB_URI: https://${_HOST}/apis/run.googleapis.com/v1/namespaces/$PROJECT_ID/jobs/collector:run
        options:
          dynamicSubstitutions: true
        steps:
        - name: gcr.io/cloud-builders/gcloud
          args: [scheduler, jobs, create, http, j, '--uri=${_JOB_URI}', {|PAX001:'--oidc-service-account-email=a@p.iam.gserviceaccount.com'|}]
        """);

    [Theory]
    [InlineData("_A: ${_B};_B: ${_A}")]
    [InlineData("_A: ${_A}")]
    [InlineData("_A: ${_B:-https://run.googleapis.com}")]
    [InlineData("_A: ${_B/x/y}")]
    [InlineData("_A: ${_UNDEFINED}")]
    public Task A_substitution_that_cannot_be_resolved_is_unknown_and_never_a_finding(string substitutions) => Build($$"""
        substitutions:
          {{substitutions.Replace(";", "\n  ", StringComparison.Ordinal)}}
        steps:
        - name: gcr.io/cloud-builders/gcloud
          args: [scheduler, jobs, create, http, j, '--uri=${_A}/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']
        - name: gcr.io/cloud-builders/gcloud
          args: [scheduler, jobs, create, http, k, '--uri=https://${_A}/', '--oauth-service-account-email=a@p.iam.gserviceaccount.com']
        """);

    [Fact]
    public void Substitutions_doubling_each_other_stop_at_a_length_and_are_unknown()
    {
        var yaml = "substitutions:\n  _A0: x\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"  _A{i}: ${{_A{i - 1}}}${{_A{i - 1}}}\n"));
        var substitutions = new Pax.Analyzers.Pipelines.CloudBuildSubstitutions(((Pax.Analyzers.Yaml.YamlMapping)Pax.Analyzers.Yaml.YamlReader.Read(yaml).Root!).Get("substitutions"));

        Assert.Equal(new string('x', 1024), substitutions.Values["_A10"]);
        Assert.Equal(Pax.Analyzers.Deployment.UnknownText.Value, substitutions.Values["_A40"]);
    }

    [Fact]
    public Task Anchors_and_aliases_stand_for_the_anchored_value() => Build("""
        steps:
        - id: a
          name: &gcloud gcr.io/cloud-builders/gcloud
          args: [scheduler, jobs, create, http, a, &uri '--uri=https://run.googleapis.com/v2/x:run', '--oauth-service-account-email=a@p.iam.gserviceaccount.com']
        - id: b
          name: *gcloud
          args: [scheduler, jobs, create, http, b, *uri, {|PAX001:--oidc-service-account-email=b@p.iam.gserviceaccount.com|}]
        - &deploy
          id: c
          name: gcr.io/cloud-builders/gcloud
          args:
          - scheduler
          - jobs
          - create
          - http
          - c
          - --uri=https://k-abc123-uc.a.run.app/
          - {|PAX003:--oauth-service-account-email=c@p.iam.gserviceaccount.com|}
        - *deploy
        - <<: *deploy
          id: d
        """);

    [Theory]
    [InlineData("*auth")]
    [InlineData("*auth_defined_later")]
    [InlineData("'${_AUTH}'")]
    public Task An_argument_that_cannot_be_resolved_may_be_the_token_flag_so_no_PAX004(string argument) => Build($$"""
        substitutions:
          _AUTH: ${_UNKNOWN:-x}
        steps:
        - name: gcr.io/cloud-builders/gcloud
          args: [scheduler, jobs, create, http, j, '--uri=https://run.googleapis.com/v2/x:run', {{argument}}]
        - name: gcr.io/cloud-builders/gcloud
          args: [pubsub, subscriptions, create, s, --topic=t, '--push-endpoint=https://pubsub.googleapis.com/v1/x', {{argument}}]
        - name: gcr.io/cloud-builders/gcloud
          args: [scheduler, jobs, create, http, auth_defined_later, &auth_defined_later '--oauth-service-account-email=a@p.iam.gserviceaccount.com']
        """);

    private static Task Build(string content) => Verify.RunAsync(Verify.ForFiles((Path, content)));
}
