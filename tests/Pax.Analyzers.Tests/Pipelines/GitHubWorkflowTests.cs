using Microsoft.CodeAnalysis.Testing;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Pipelines;

/// <summary>PAX001-PAX004 on the gcloud commands of GitHub Actions workflows' <c>run:</c> steps.</summary>
public sealed class GitHubWorkflowTests
{
    private const string Path = ".github/workflows/deploy.yml";

    [Fact]
    public Task An_OIDC_token_to_the_Admin_API_from_a_workflow_is_PAX001_even_with_the_region_unknown() => Workflow("""
        name: schedule the collector
        on: push
        env:
          PROJECT: my-project
          REGION: ${{ vars.REGION }}
        jobs:
          schedule:
            runs-on: ubuntu-latest
            steps:
              - uses: google-github-actions/auth@v2
                with:
                  workload_identity_provider: ${{ secrets.WIF_PROVIDER }}
              - name: Schedule the collector
                run: |
                  gcloud scheduler jobs create http collect \
                    --location="$REGION" \
                    --uri="https://${{ env.REGION }}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/${{ env.PROJECT }}/jobs/collector:run" \
                    {|PAX001:--oidc-service-account-email=${{ secrets.SCHEDULER_SA }}|}
        """);

    [Fact]
    public Task The_same_step_with_an_OAuth_token_is_silent() => Workflow("""
        env:
          REGION: ${{ vars.REGION }}
        jobs:
          schedule:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  gcloud run jobs add-iam-policy-binding collector --member="serviceAccount:${{ secrets.SCHEDULER_SA }}" --role=roles/run.invoker
                  gcloud scheduler jobs create http collect \
                    --uri="https://${{ env.REGION }}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/collector:run" \
                    --oauth-service-account-email=${{ secrets.SCHEDULER_SA }}
        """);

    [Fact]
    public Task Create_or_update_reports_each_command_and_reads_single_line_and_folded_steps() => Workflow("""
        jobs:
          schedule:
            runs-on: ubuntu-latest
            env:
              URI: https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/collector:run
            steps:
              - run: gcloud scheduler jobs create http a --uri=$URI {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|} || gcloud scheduler jobs update http a --uri=$URI {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|}
              - run: >
                  gcloud scheduler jobs create http b
                  --uri="${{ env.URI }}"
                  {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task Step_env_overrides_job_and_workflow_env() => Workflow("""
        env:
          TARGET: https://tick-abc123-ue.a.run.app/cron/tick
        jobs:
          a:
            runs-on: ubuntu-latest
            env:
              TARGET: https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run
            steps:
              - env:
                  TARGET: https://tick-abc123-ue.a.run.app/cron/tick
                run: gcloud scheduler jobs create http t --uri="$TARGET" {|PAX003:--oauth-service-account-email=t@p.iam.gserviceaccount.com|}
              - run: gcloud scheduler jobs create http j --uri="$TARGET" {|PAX001:--oidc-service-account-email=t@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task A_URL_from_a_step_output_is_unknown_and_silent() => Workflow("""
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - id: deploy
                uses: google-github-actions/deploy-cloudrun@v2
                with:
                  service: api
              - run: gcloud scheduler jobs create http t --uri="${{ steps.deploy.outputs.url }}/tick" --oauth-service-account-email=t@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Comments_non_posix_shells_and_windows_runners_are_not_read() => Workflow("""
        # gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a@p.iam.gserviceaccount.com
        jobs:
          linux:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  # gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a@p.iam.gserviceaccount.com
                  echo "gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a"
              - shell: pwsh
                run: gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a@p.iam.gserviceaccount.com
          windows:
            runs-on: windows-latest
            steps:
              - run: gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a@p.iam.gserviceaccount.com
          windows-bash:
            runs-on: [self-hosted, windows]
            defaults:
              run:
                shell: bash
            steps:
              - run: gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run {|PAX001:--oidc-service-account-email=a@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task A_push_subscription_to_a_private_service_without_a_grant_is_PAX002_and_with_one_is_silent() => Verify.RunAsync(Verify.ForFiles(
        (Path, """
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: gcloud run deploy orders --image=img --no-allow-unauthenticated
                  - run: |
                      URL="$(gcloud run services describe orders --format='value(status.url)')"
                      gcloud pubsub subscriptions create orders-push --topic=orders \
                        {|PAX002:--push-endpoint="$URL/push"|} --push-auth-service-account=push@p.iam.gserviceaccount.com
            """),
        (".github/workflows/billing.yml", """
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: gcloud run deploy billing --image=img --no-allow-unauthenticated
                  - run: gcloud run services add-iam-policy-binding billing --member=serviceAccount:push@p.iam.gserviceaccount.com --role=roles/run.invoker
                  - run: |
                      URL="$(gcloud run services describe billing --format='value(status.url)')"
                      gcloud pubsub subscriptions create billing-push --topic=billing --push-endpoint="$URL/push" --push-auth-service-account=push@p.iam.gserviceaccount.com
            """)));

    [Fact]
    public Task The_deploy_cloudrun_action_counts_as_a_deploy_and_its_flags_as_public_access_or_cant_tell_when_unknown() => Verify.RunAsync(Verify.ForFiles(
        (Path, """
            jobs:
              deploy:
                runs-on: ubuntu-latest
                env:
                  SERVICE: storefront
                steps:
                  - uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: ${{ env.SERVICE }}
                      image: us-docker.pkg.dev/p/r/storefront
                      flags: '--allow-unauthenticated --cpu=1'
                  - uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: orders
                      image: us-docker.pkg.dev/p/r/orders
                  - uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: billing
                      flags: ${{ inputs.flags }}
                  - run: |
                      gcloud pubsub subscriptions create a --topic=t --push-endpoint=https://storefront-x7k2pq3r4a-uc.a.run.app/push
                      gcloud pubsub subscriptions create b --topic=t {|PAX004:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/push|}
                      gcloud pubsub subscriptions create c --topic=t --push-endpoint=https://billing-x7k2pq3r4a-uc.a.run.app/push
            """)));

    [Fact]
    public Task Deploy_cloudrun_flags_are_cant_tell_only_when_an_unknown_value_stands_where_a_flag_name_goes() => Verify.RunAsync(Verify.ForFiles(
        (Path, """
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: orders
                      flags: --service-account=${{ secrets.RUNTIME_SA }} --no-allow-unauthenticated
                  - uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: billing
                      flags: '--region ${{ vars.REGION }} --service-account=${{ secrets.RUNTIME_SA }}'
                  - uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: audit
                      flags: --no-allow-unauthenticated ${{ inputs.extra_flags }}
                  - uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: storefront
                      flags: --cpu=1 ${{ inputs.extra_flags }}
                  - run: |
                      gcloud pubsub subscriptions create a --topic=t {|PAX004:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/push|}
                      gcloud pubsub subscriptions create b --topic=t {|PAX004:--push-endpoint=https://billing-x7k2pq3r4a-uc.a.run.app/push|}
                      gcloud pubsub subscriptions create c --topic=t {|PAX004:--push-endpoint=https://audit-x7k2pq3r4a-uc.a.run.app/push|}
                      gcloud pubsub subscriptions create d --topic=t --push-endpoint=https://storefront-x7k2pq3r4a-uc.a.run.app/push
            """)));

    [Fact]
    public Task In_a_script_too_unknown_flags_may_make_a_deploy_public_unless_it_says_no_allow_unauthenticated() => Verify.RunAsync(Verify.ForFiles(
        ("deploy.sh", """
            gcloud run deploy storefront --image=img $EXTRA_FLAGS
            gcloud run deploy orders --image=img --no-allow-unauthenticated "${EXTRA_FLAGS[@]}"
            gcloud run deploy "$SERVICE_NAME" --image=img --region "$REGION"
            gcloud run deploy billing --region "$REGION" --service-account="$SA"
            gcloud pubsub subscriptions create a --topic=t --push-endpoint=https://storefront-x7k2pq3r4a-uc.a.run.app/push
            gcloud pubsub subscriptions create b --topic=t {|PAX004:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/push|}
            gcloud pubsub subscriptions create c --topic=t {|PAX004:--push-endpoint=https://billing-x7k2pq3r4a-uc.a.run.app/push|}
            """)));

    [Fact]
    public async Task A_caller_from_a_secret_is_named_by_the_flag_that_holds_it()
    {
        var test = Verify.ForFiles((Path, "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gcloud scheduler jobs create http j --uri=https://tick-abc123-uc.a.run.app/ --oidc-service-account-email=${{ secrets.SA }}\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.MissingInvokerGrant)
            .WithSpan(Path, 5, 50, 5, 89)
            .WithArguments("Cloud Scheduler job 'j'", "https://tick-abc123-uc.a.run.app/", "the account in --oidc-service-account-email, which could not be read at build time", "roles/run.invoker", "run.routes.invoke"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public async Task The_diagnostic_points_at_the_flag_inside_the_run_block()
    {
        var test = Verify.ForFiles((Path, "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          gcloud scheduler jobs create http j \\\n            --uri=https://run.googleapis.com/v2/x:run \\\n            --oidc-service-account-email=a@p.iam.gserviceaccount.com\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.OidcTokenToGoogleApi)
            .WithSpan(Path, 8, 13, 8, 69)
            .WithArguments("https://run.googleapis.com/v2/x:run"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public Task A_YAML_file_outside_a_workflows_folder_is_not_read() => Verify.RunAsync(Verify.ForFiles(("ci/deploy.yml", """
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a@p.iam.gserviceaccount.com
        """)));

    private static Task Workflow(string content) => Verify.RunAsync(Verify.ForFiles((Path, content)));
}
