using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Pax.Analyzers.CodeFixes;
using Pax.Analyzers.CSharp;
using Pax.Analyzers.Tests.Support;

namespace Pax.Analyzers.Tests.CSharp;

public sealed class TokenFixerTests
{
    [Fact]
    public Task PAX001_fix_replaces_the_oidc_token_with_an_oauth_token_for_the_same_account() => RunAsync<UseOAuthTokenFixer>(
        GoogleCloudStubs.SchedulerV1,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target(string account) => new HttpTarget
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run",
                {|PAX001:OidcToken = new OidcToken { ServiceAccountEmail = account, Audience = "https://run.googleapis.com/" }|},
            };
        }
        """,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target(string account) => new HttpTarget
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run",
                OAuthToken = new OAuthToken { ServiceAccountEmail = account, Scope = "https://www.googleapis.com/auth/cloud-platform" },
            };
        }
        """);

    [Fact]
    public Task PAX001_fix_keeps_a_multiline_initializer_layout() => RunAsync<UseOAuthTokenFixer>(
        GoogleCloudStubs.SchedulerV1,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            void Configure(HttpTarget target)
            {
                target.Uri = "https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/collector:run";
                {|PAX001:target.OidcToken = new OidcToken
                {
                    ServiceAccountEmail = "sa@p.iam.gserviceaccount.com"
                }|};
            }
        }
        """,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            void Configure(HttpTarget target)
            {
                target.Uri = "https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/collector:run";
                target.OAuthToken = new OAuthToken
                {
                    ServiceAccountEmail = "sa@p.iam.gserviceaccount.com",
                    Scope = "https://www.googleapis.com/auth/cloud-platform"
                };
            }
        }
        """);

    [Fact]
    public Task PAX001_fix_uses_the_pulumi_oauth_args_type() => RunAsync<UseOAuthTokenFixer>(
        GoogleCloudStubs.Pulumi,
        """
        using Pulumi.Gcp.CloudScheduler.Inputs;
        class Stack
        {
            JobHttpTargetArgs Target() => new JobHttpTargetArgs
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run",
                {|PAX001:OidcToken = new JobHttpTargetOidcTokenArgs { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" }|},
            };
        }
        """,
        """
        using Pulumi.Gcp.CloudScheduler.Inputs;
        class Stack
        {
            JobHttpTargetArgs Target() => new JobHttpTargetArgs
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run",
                OauthToken = new JobHttpTargetOauthTokenArgs { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com", Scope = "https://www.googleapis.com/auth/cloud-platform" },
            };
        }
        """);

    [Fact]
    public Task PAX003_fix_replaces_the_oauth_token_with_oidc_and_the_service_url_as_audience() => RunAsync<UseOidcTokenFixer>(
        GoogleCloudStubs.SchedulerV1,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                Uri = "https://tick-abc123-uc.a.run.app/cron/tick",
                {|PAX003:OAuthToken = new OAuthToken { ServiceAccountEmail = "tick@p.iam.gserviceaccount.com", Scope = "https://www.googleapis.com/auth/cloud-platform" }|},
            };
        }
        """,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target() => new HttpTarget
            {
                {|PAX002:Uri = "https://tick-abc123-uc.a.run.app/cron/tick"|},
                OidcToken = new OidcToken { ServiceAccountEmail = "tick@p.iam.gserviceaccount.com", Audience = "https://tick-abc123-uc.a.run.app" },
            };
        }
        """);

    [Fact]
    public Task PAX003_fix_leaves_the_audience_to_its_default_when_the_host_is_not_known() => RunAsync<UseOidcTokenFixer>(
        GoogleCloudStubs.SchedulerV1,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target(string service) => new()
            {
                Uri = $"https://{service}-abc123-uc.a.run.app/cron/tick",
                {|PAX003:OAuthToken = new() { ServiceAccountEmail = "tick@p.iam.gserviceaccount.com", Scope = "https://www.googleapis.com/auth/cloud-platform" }|},
            };
        }
        """,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target(string service) => new()
            {
                {|PAX002:Uri = $"https://{service}-abc123-uc.a.run.app/cron/tick"|},
                OidcToken = new() { ServiceAccountEmail = "tick@p.iam.gserviceaccount.com" },
            };
        }
        """);

    [Fact]
    public Task Fix_all_rewrites_every_oidc_token_of_the_document() => RunAsync<UseOAuthTokenFixer>(
        GoogleCloudStubs.SchedulerV1,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Collector() => new HttpTarget
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run",
                {|PAX001:OidcToken = new OidcToken { ServiceAccountEmail = "a@p.iam.gserviceaccount.com" }|},
            };
            HttpTarget Processor() => new HttpTarget
            {
                Uri = "https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/processor:run",
                {|PAX001:OidcToken = new OidcToken { ServiceAccountEmail = "b@p.iam.gserviceaccount.com" }|},
            };
        }
        """,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Collector() => new HttpTarget
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run",
                OAuthToken = new OAuthToken { ServiceAccountEmail = "a@p.iam.gserviceaccount.com", Scope = "https://www.googleapis.com/auth/cloud-platform" },
            };
            HttpTarget Processor() => new HttpTarget
            {
                Uri = "https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/processor:run",
                OAuthToken = new OAuthToken { ServiceAccountEmail = "b@p.iam.gserviceaccount.com", Scope = "https://www.googleapis.com/auth/cloud-platform" },
            };
        }
        """,
        iterations: 2);

    [Fact]
    public Task Token_from_a_variable_is_reported_but_not_rewritten() => RunAsync<UseOAuthTokenFixer>(
        GoogleCloudStubs.SchedulerV1,
        """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Target(OidcToken token) => new HttpTarget
            {
                Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run",
                {|PAX001:OidcToken = token|},
            };
        }
        """,
        null);

    [Fact]
    public Task Push_config_oidc_to_a_google_api_has_no_mechanical_fix() => RunAsync<UseOAuthTokenFixer>(
        GoogleCloudStubs.PubSubV1,
        """
        using Google.Cloud.PubSub.V1;
        class Deploy
        {
            PushConfig Push() => new PushConfig
            {
                PushEndpoint = "https://workflowexecutions.googleapis.com/v1/x",
                {|PAX001:OidcToken = new PushConfig.Types.OidcToken { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" }|},
            };
        }
        """,
        null);

    private static Task RunAsync<TFixer>(string stubs, string source, string? fixedSource, int iterations = 1)
        where TFixer : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<CSharpDeploymentAnalyzer, TFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferenceAssemblies.Net80,
            TestCode = source,
            FixedCode = fixedSource ?? source,
            NumberOfFixAllIterations = fixedSource is null ? 0 : 1,
            NumberOfFixAllInDocumentIterations = fixedSource is null ? 0 : 1,
            NumberOfIncrementalIterations = fixedSource is null ? 0 : iterations,
        };
        test.TestState.Sources.Add(stubs);
        test.FixedState.Sources.Add(stubs);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}
