using Pax.Analyzers.Tests.Support;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.CSharp.CSharpDeploymentAnalyzer>;

namespace Pax.Analyzers.Tests.CSharp;

/// <summary>The C# project as one deployment unit: invocations and grants spread over many files, and projects without the types.</summary>
public sealed class CSharpDeploymentProjectTests
{
    [Fact]
    public Task Grants_in_many_files_are_matched_to_their_own_invocations()
    {
        const int files = 40;
        const int ungranted = 17;
        var sources = new List<string> { GoogleCloudStubs.SchedulerV1, GoogleCloudStubs.Iam };
        for (var i = 0; i < files; i++)
        {
            var uri = i == ungranted
                ? $$"""{|PAX002:Uri = "https://tick-{{i}}-abc123-uc.a.run.app/cron/tick"|}"""
                : $$"""Uri = "https://tick-{{i}}-abc123-uc.a.run.app/cron/tick" """;
            var grant = i == ungranted ? string.Empty : $$"""
                void Grant(Policy policy) => policy.AddRoleMember("roles/run.invoker", "serviceAccount:tick-{{i}}@p.iam.gserviceaccount.com");
                """;
            sources.Add($$"""
                using Google.Cloud.Iam.V1;
                using Google.Cloud.Scheduler.V1;
                class Deploy{{i}}
                {
                    HttpTarget Target() => new HttpTarget
                    {
                        {{uri}},
                        OidcToken = new OidcToken { ServiceAccountEmail = "tick-{{i}}@p.iam.gserviceaccount.com" },
                    };
                    {{grant}}
                }
                """);
        }

        return Verify.RunAsync(Verify.ForCode([.. sources]));
    }

    [Fact]
    public Task Grants_in_one_file_cover_invocations_in_another() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.PubSubV1, GoogleCloudStubs.Iam, """
        using Google.Cloud.PubSub.V1;
        class Push
        {
            PushConfig Config() => new PushConfig
            {
                PushEndpoint = "https://orchestrator-abc123-uc.a.run.app/pubsub",
                OidcToken = new PushConfig.Types.OidcToken { ServiceAccountEmail = "push@p.iam.gserviceaccount.com" },
            };
        }
        """, """
        using Google.Cloud.Iam.V1;
        class Grants
        {
            Binding Invoker() => new Binding { Role = "roles/run.invoker", Members = { "serviceAccount:push@p.iam.gserviceaccount.com" } };
        }
        """));

    [Fact]
    public Task Iam_types_without_any_target_type_are_silent() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Iam, """
        using Google.Cloud.Iam.V1;
        class Settings
        {
            public string Uri { get; set; } = "";
            public string OidcToken { get; set; } = "";
        }
        class Deploy
        {
            void Configure(Policy policy, Settings settings)
            {
                settings.Uri = "https://tick-abc123-uc.a.run.app/cron/tick";
                settings.OidcToken = "token";
                policy.AddRoleMember("roles/run.invoker", "serviceAccount:tick@p.iam.gserviceaccount.com");
                var binding = new Binding { Role = "roles/run.invoker" };
            }
        }
        """));
}
