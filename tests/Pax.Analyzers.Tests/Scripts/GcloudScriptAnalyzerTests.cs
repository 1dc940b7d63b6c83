using Microsoft.CodeAnalysis.Testing;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Scripts;

public sealed class GcloudScriptAnalyzerTests
{
    private static Task Script(string content) => Verify.RunAsync(Verify.ForFiles(("deploy.sh", content)));

    [Fact]
    public Task Oidc_on_the_v2_jobs_run_url_is_PAX001() => Script("""
        gcloud scheduler jobs create http collect \
          --schedule="*/30 * * * *" \
          --uri=https://run.googleapis.com/v2/projects/p/locations/us-central1/jobs/collector:run \
          {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task Oidc_on_the_v1_regional_jobs_run_url_with_space_separated_values_is_PAX001() => Script("""
        gcloud scheduler jobs create http collect --location us-central1 \
          --uri "https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/collector:run" \
          {|PAX001:--oidc-service-account-email "sa@p.iam.gserviceaccount.com"|} --http-method POST
        """);

    [Fact]
    public Task Variables_in_both_forms_are_resolved() => Script("""
        PROJECT=my-project
        REGION="europe-west1"
        JOB=collector
        SA="scheduler@${PROJECT}.iam.gserviceaccount.com"
        gcloud scheduler jobs create http "$JOB-tick" \
          --uri="https://${REGION}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/$PROJECT/jobs/${JOB}:run" \
          {|PAX001:--oidc-service-account-email="$SA"|}
        """);

    [Fact]
    public Task Url_held_entirely_in_a_variable_is_resolved() => Script("""
        RUN_URL=https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run
        gcloud scheduler jobs create http j {|PAX001:--oidc-service-account-email=a@p.iam.gserviceaccount.com|} --uri="$RUN_URL"
        """);

    [Fact]
    public Task Flags_before_the_positional_name_are_read() => Script("""
        gcloud scheduler jobs create http {|PAX001:--oidc-service-account-email=sa@p.iam.gserviceaccount.com|} --uri=https://run.googleapis.com/v2/x:run tick
        """);

    [Fact]
    public Task Unknown_host_is_silent() => Script("""
        gcloud scheduler jobs create http j --uri="$TARGET_URL" --oidc-service-account-email=sa@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task OAuth_to_a_google_api_is_silent() => Script("""
        gcloud run jobs add-iam-policy-binding j --region=l --member=serviceAccount:sa@p.iam.gserviceaccount.com --role=roles/run.invoker
        gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run \
          --oauth-service-account-email=sa@p.iam.gserviceaccount.com --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform
        """);

    [Fact]
    public Task Commented_out_commands_are_silent() => Script("""
        # gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=sa@p.iam.gserviceaccount.com
        echo "gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a"
        """);

    [Fact]
    public Task Heredoc_that_is_not_a_command_is_silent() => Script("""
        cat > README.txt <<EOF
        gcloud scheduler jobs create http j \
          --uri=https://run.googleapis.com/v2/x:run \
          --oidc-service-account-email=sa@p.iam.gserviceaccount.com
        EOF
        """);

    [Theory]
    [InlineData("https://tick-abc123-uc.a.run.app/cron/tick")]
    [InlineData("https://us-central1-p.cloudfunctions.net/orchestrator")]
    public Task OAuth_to_cloud_run_is_PAX003(string url) => Script($$"""
        gcloud scheduler jobs create http tick --uri={{url}} \
          {|PAX003:--oauth-service-account-email=tick@p.iam.gserviceaccount.com|}
        """);

    [Fact]
    public Task Scheduler_oidc_to_a_service_without_grant_is_PAX002() => Script("""
        gcloud run deploy tick --image=img --region=us-central1 --no-allow-unauthenticated
        gcloud scheduler jobs create http tick {|PAX002:--uri=https://tick-abc123-uc.a.run.app/cron/tick|} \
          --oidc-service-account-email=tick@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Scheduler_oidc_to_a_service_with_grant_is_silent() => Script("""
        SA=tick@p.iam.gserviceaccount.com
        gcloud run services add-iam-policy-binding tick --region=us-central1 --member="serviceAccount:${SA}" --role=roles/run.invoker
        gcloud scheduler jobs create http tick --uri=https://tick-abc123-uc.a.run.app/cron/tick --oidc-service-account-email=$SA
        """);

    [Fact]
    public Task Grant_to_another_account_is_PAX002() => Script("""
        gcloud run services add-iam-policy-binding tick --member=serviceAccount:other@p.iam.gserviceaccount.com --role=roles/run.invoker
        gcloud scheduler jobs create http tick {|PAX002:--uri=https://tick-abc123-uc.a.run.app/cron/tick|} --oidc-service-account-email=tick@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Grant_of_another_role_is_PAX002() => Script("""
        gcloud run services add-iam-policy-binding tick --member=serviceAccount:tick@p.iam.gserviceaccount.com --role=roles/run.viewer
        gcloud scheduler jobs create http tick {|PAX002:--uri=https://tick-abc123-uc.a.run.app/cron/tick|} --oidc-service-account-email=tick@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Push_subscription_to_a_run_service_url_lookup_without_grant_is_PAX002() => Script("""
        URL=$(gcloud run services describe orchestrator --region us-central1 --format='value(status.url)')
        gcloud pubsub subscriptions create completions --topic=completions \
          {|PAX002:--push-endpoint="$URL/pubsub"|} \
          --push-auth-service-account=push@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Push_subscription_with_invoker_policy_binding_is_silent() => Script("""
        URL=$(gcloud run services describe orchestrator --region us-central1 --format='value(status.url)')
        gcloud functions add-invoker-policy-binding orchestrator --region=us-central1 --member=serviceAccount:push@p.iam.gserviceaccount.com
        gcloud pubsub subscriptions create completions --topic=completions --push-endpoint="$URL/pubsub" --push-auth-service-account=push@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Allow_unauthenticated_counts_as_granted() => Script("""
        gcloud run deploy orchestrator --image=img --allow-unauthenticated
        gcloud pubsub subscriptions create completions --topic=t --push-endpoint=https://orchestrator-abc-uc.a.run.app/
        """);

    [Fact]
    public Task Unauthenticated_push_to_a_private_service_is_PAX002() => Script("""
        gcloud pubsub subscriptions create completions --topic=t {|PAX002:--push-endpoint=https://orchestrator-abc-uc.a.run.app/|}
        """);

    [Fact]
    public Task Eventarc_trigger_without_grant_is_PAX002() => Script("""
        gcloud eventarc triggers create completions --location=us-central1 \
          {|PAX002:--destination-run-service=orchestrator|} --destination-run-region=us-central1 \
          --event-filters="type=google.cloud.pubsub.topic.v1.messagePublished" \
          --service-account=trigger@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Eventarc_trigger_with_project_grant_is_silent() => Script("""
        gcloud projects add-iam-policy-binding p --member=serviceAccount:trigger@p.iam.gserviceaccount.com --role=roles/run.invoker
        gcloud eventarc triggers create completions --destination-run-service=orchestrator --service-account=trigger@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Pubsub_triggered_function_redeployed_without_grant_is_PAX002() => Script("""
        gcloud functions deploy orchestrator --gen2 --runtime=dotnet8 --region=us-central1 \
          --entry-point=Pax.Orchestrator.Function {|PAX002:--trigger-topic=completions|} \
          --trigger-service-account=trigger@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task Pubsub_triggered_function_with_invoker_binding_is_silent() => Script("""
        gcloud functions deploy orchestrator --gen2 --trigger-topic=completions --trigger-service-account=trigger@p.iam.gserviceaccount.com
        gcloud functions add-invoker-policy-binding orchestrator --member="serviceAccount:trigger@p.iam.gserviceaccount.com"
        """);

    [Fact]
    public async Task Diagnostic_points_at_the_flag_line_and_column()
    {
        var test = Verify.ForFiles(("deploy/deploy.sh", "#!/bin/bash\nset -e\ngcloud scheduler jobs create http j \\\n    --uri=https://run.googleapis.com/v2/x:run \\\n    --oidc-service-account-email=a@p.iam.gserviceaccount.com\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleDescriptors.OidcTokenToGoogleApi)
            .WithSpan("deploy/deploy.sh", 5, 5, 5, 61)
            .WithArguments("https://run.googleapis.com/v2/x:run"));
        await Verify.RunAsync(test);
    }

    [Fact]
    public Task Files_that_are_not_scripts_are_ignored() => Verify.RunAsync(Verify.ForFiles(("notes.txt", """
        gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a@p.iam.gserviceaccount.com
        """)));

    [Fact]
    public Task Dockerfile_run_instructions_are_read() => Verify.RunAsync(Verify.ForFiles(("Dockerfile", """
        FROM google/cloud-sdk:slim
        LABEL note="gcloud scheduler jobs create http j --uri=https://run.googleapis.com/v2/x:run --oidc-service-account-email=a"
        RUN gcloud scheduler jobs create http j \
            --uri=https://run.googleapis.com/v2/x:run \
            {|PAX001:--oidc-service-account-email=a@p.iam.gserviceaccount.com|}
        CMD ["gcloud", "version"]
        """)));

    [Fact]
    public Task Realistic_collector_deploy_script_with_oauth_is_silent() => Script(DeployScripts.Collector(oidc: false));

    [Fact]
    public Task Realistic_collector_deploy_script_with_oidc_is_PAX001() => Script(DeployScripts.Collector(oidc: true));

    [Fact]
    public Task Realistic_orchestrator_deploy_script_with_invoker_binding_is_silent() => Script(DeployScripts.Orchestrator(grant: true));

    [Fact]
    public Task Realistic_orchestrator_deploy_script_that_dropped_the_binding_is_PAX002() => Script(DeployScripts.Orchestrator(grant: false));

    [Fact]
    public Task Flags_known_only_at_run_time_may_hold_the_token_so_a_call_without_one_is_not_PAX004() => Script("""
        gcloud scheduler jobs create http a --uri=https://run.googleapis.com/v2/x:run $AUTH_FLAGS
        gcloud pubsub subscriptions create s --topic=t --push-endpoint=https://pubsub.googleapis.com/v1/x "${AUTH[@]}"
        gcloud run deploy api --no-allow-unauthenticated
        gcloud projects add-iam-policy-binding p --member=serviceAccount:tick@p.iam.gserviceaccount.com --role=roles/run.invoker
        gcloud scheduler jobs create http b --uri=https://api-abc123-uc.a.run.app/ $AUTH_FLAGS
        gcloud scheduler jobs create http c {|PAX004:--uri=https://run.googleapis.com/v2/x:run|} --location="$REGION"
        """);
}
