using Microsoft.CodeAnalysis;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Scripts;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Scripts;

/// <summary>PAX002 in gcloud scripts: roles, targets and function generations.</summary>
public sealed class GcloudInvokerTests
{
    private static Task Script(string content) => Verify.RunAsync(Verify.ForFiles(("deploy.sh", content)));

    [Fact]
    public Task A_project_level_owner_push_identity_can_invoke() => Script("""
        PUSH_SA="push@my-project.iam.gserviceaccount.com"
        gcloud projects add-iam-policy-binding my-project --member="serviceAccount:${PUSH_SA}" --role=roles/owner
        gcloud run deploy orders --image=x --no-allow-unauthenticated
        URL="$(gcloud run services describe orders --format='value(status.url)')"
        gcloud pubsub subscriptions create s --topic=t --push-endpoint="$URL/push" --push-auth-service-account="$PUSH_SA"
        """);

    [Fact]
    public Task A_public_service_does_not_make_another_public() => Script("""
        gcloud run deploy storefront --image=x --allow-unauthenticated
        gcloud run deploy orders --image=x
        STORE="$(gcloud run services describe storefront --format='value(status.url)')"
        ORDERS="$(gcloud run services describe orders --format='value(status.url)')"
        gcloud pubsub subscriptions create a --topic=t --push-endpoint="$STORE/push" --push-auth-service-account=push@p.iam.gserviceaccount.com
        gcloud pubsub subscriptions create b --topic=t {|PAX002:--push-endpoint="$ORDERS/push"|} --push-auth-service-account=push@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task A_grant_on_the_service_an_a_run_app_url_belongs_to_counts_and_on_another_does_not() => Script("""
        gcloud run deploy orders --image=x
        gcloud run deploy orders-admin --image=x
        gcloud run services add-iam-policy-binding orders-admin --member=serviceAccount:push@p.iam.gserviceaccount.com --role=roles/run.invoker
        gcloud pubsub subscriptions create a --topic=t --push-endpoint=https://orders-admin-x7k2pq3r4a-uc.a.run.app/push --push-auth-service-account=push@p.iam.gserviceaccount.com
        gcloud pubsub subscriptions create b --topic=t {|PAX002:--push-endpoint=https://orders-x7k2pq3r4a-uc.a.run.app/push|} --push-auth-service-account=push@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task A_trigger_topic_deploy_without_a_generation_flag_is_not_reported() => Script("""
        gcloud functions deploy ingest --runtime=python312 --trigger-topic=in --trigger-service-account=t@p.iam.gserviceaccount.com
        gcloud functions deploy legacy --no-gen2 --runtime=python312 --trigger-topic=in
        """);

    [Fact]
    public Task A_gen2_trigger_topic_deploy_without_a_grant_is_reported() => Script("""
        gcloud functions deploy ingest --gen2 --runtime=python312 {|PAX002:--trigger-topic=in|} --trigger-service-account=t@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task A_custom_role_means_cannot_tell() => Script("""
        gcloud run services add-iam-policy-binding orders --member=serviceAccount:push@p.iam.gserviceaccount.com --role=projects/p/roles/invoker
        gcloud pubsub subscriptions create b --topic=t --push-endpoint=https://orders-123456789.us-central1.run.app/push --push-auth-service-account=push@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task A_scheduler_job_running_a_job_needs_run_jobs_run_on_that_job() => Script("""
        gcloud run jobs add-iam-policy-binding other --member=serviceAccount:cron@p.iam.gserviceaccount.com --role=roles/run.invoker
        gcloud scheduler jobs create http c {|PAX002:--uri=https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run|} \
          --oauth-service-account-email=cron@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task A_gen1_function_url_from_describe_needs_cloudfunctions_invoker() => Script("""
        gcloud functions deploy report --no-gen2 --trigger-http --runtime=python312
        gcloud functions deploy audit --no-gen2 --trigger-http --runtime=python312
        gcloud projects add-iam-policy-binding p --member=serviceAccount:cron@p.iam.gserviceaccount.com --role=roles/run.invoker
        gcloud functions add-invoker-policy-binding audit --member=serviceAccount:cron@p.iam.gserviceaccount.com
        REPORT_URL="$(gcloud functions describe report --format='value(httpsTrigger.url)')"
        AUDIT_URL="$(gcloud functions describe audit --format='value(httpsTrigger.url)')"
        gcloud scheduler jobs create http r {|PAX002:--uri="$REPORT_URL"|} --oidc-service-account-email=cron@p.iam.gserviceaccount.com
        gcloud scheduler jobs create http a --uri="$AUDIT_URL" --oidc-service-account-email=cron@p.iam.gserviceaccount.com
        """);

    [Fact]
    public Task A_gen1_http_function_with_cloudfunctions_invoker_on_it_is_silent() => Script("""
        gcloud functions deploy report --no-gen2 --trigger-http --runtime=python312
        gcloud functions add-iam-policy-binding report --member=serviceAccount:cron@p.iam.gserviceaccount.com --role=roles/cloudfunctions.invoker
        gcloud scheduler jobs create http r --uri=https://us-central1-p.cloudfunctions.net/report --oidc-service-account-email=cron@p.iam.gserviceaccount.com
        """);

    [Fact]
    public void A_gen1_http_function_is_reported_with_cloudfunctions_invoker()
    {
        var unit = new DeploymentUnit();
        GcloudDeploymentReader.Read(
            ShellScriptReader.Read("""
                gcloud functions deploy report --no-gen2 --trigger-http --runtime=python312
                gcloud projects add-iam-policy-binding p --member=serviceAccount:cron@p.iam.gserviceaccount.com --role=roles/run.invoker
                gcloud scheduler jobs create http r --uri=https://us-central1-p.cloudfunctions.net/report --oidc-service-account-email=cron@p.iam.gserviceaccount.com
                """),
            _ => Location.None,
            [],
            unit);

        var (invocation, permission) = Assert.Single(unit.UngrantedInvocations());
        Assert.Equal("cloudfunctions.functions.invoke", permission);
        Assert.Contains("roles/cloudfunctions.invoker", invocation.ToDiagnostic(permission).GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("run.invoker", invocation.ToDiagnostic(permission).GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gcloud scheduler jobs create http j --uri=https://tick-abc123-uc.a.run.app/ --oidc-service-account-email=\"$SA\"", "the account in --oidc-service-account-email, which could not be read at build time")]
    [InlineData("gcloud scheduler jobs create http j --uri=https://tick-abc123-uc.a.run.app/ --oidc-service-account-email=\"tick@${PROJECT}.iam.gserviceaccount.com\"", "'tick@\u2026.iam.gserviceaccount.com'")]
    [InlineData("gcloud pubsub subscriptions create s --topic=t --push-endpoint=https://tick-abc123-uc.a.run.app/ --push-auth-service-account=$(cat sa.txt)", "the account in --push-auth-service-account, which could not be read at build time")]
    [InlineData("gcloud eventarc triggers create t --destination-run-service=tick --service-account=\"$SA\"", "the account in --service-account, which could not be read at build time")]
    [InlineData("gcloud eventarc triggers create t --destination-run-service=tick", "the project's Compute Engine default service account (it names no account)")]
    [InlineData("gcloud functions deploy fn --gen2 --trigger-topic=in --trigger-service-account=\"$SA\"", "the account in --trigger-service-account, which could not be read at build time")]
    [InlineData("gcloud functions deploy fn --gen2 --trigger-topic=in", "the project's Compute Engine default service account (it names no account)")]
    public void PAX002_names_the_flag_of_an_account_that_could_not_be_read_and_the_default_account_only_when_none_is_named(string script, string caller)
    {
        var unit = new DeploymentUnit();
        GcloudDeploymentReader.Read(ShellScriptReader.Read(script), _ => Location.None, [], unit);

        var (invocation, permission) = Assert.Single(unit.UngrantedInvocations());
        Assert.Contains(" as " + caller + ", ", invocation.ToDiagnostic(permission).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
