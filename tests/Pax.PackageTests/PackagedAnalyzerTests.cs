using System.Text.Json;
using System.Text.RegularExpressions;
using Pax.PackageTests.Support;

namespace Pax.PackageTests;

/// <summary>
/// A consumer of several Pax packages (each carrying the analyzer and its props) gets PAX001-PAX004 from the packaged
/// analyzer, in C#, a .sh, a .tf, a GitHub Actions workflow and a Cloud Build config, each finding exactly once.
/// </summary>
public sealed partial class PackagedAnalyzerTests(PackedFeed feed)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_rule_is_reported_with_its_file_and_line_and_a_help_link_from_RepositoryUrl()
    {
        var project = Path.Combine(feed.Work, "Consumer");
        Directory.CreateDirectory(Path.Combine(project, "deploy"));
        Directory.CreateDirectory(Path.Combine(project, "infra"));
        Directory.CreateDirectory(Path.Combine(project, ".github", "workflows"));
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ErrorLog>consumer.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pax.Orchestration.Abstractions" Version="{PackedFeed.Version}" />
                <PackageReference Include="Pax.Orchestration" Version="{PackedFeed.Version}" />
                <PackageReference Include="Pax.Orchestration.Dashboard" Version="{PackedFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        // Google.Cloud.Scheduler.V1 is not served by the registry: a stub with its public names, as the analyzer keys on names.
        File.WriteAllText(Path.Combine(project, "Deploy.cs"), """
            namespace Google.Cloud.Scheduler.V1
            {
                public sealed class OidcToken { public string ServiceAccountEmail { get; set; } = ""; }
                public sealed class OAuthToken { public string ServiceAccountEmail { get; set; } = ""; }
                public sealed class HttpTarget { public string Uri { get; set; } = ""; public OidcToken? OidcToken { get; set; } public OAuthToken? OAuthToken { get; set; } }
            }

            namespace Consumer
            {
                using Google.Cloud.Scheduler.V1;

                public static class Deploy
                {
                    public static HttpTarget[] Targets() =>
                    [
                        new HttpTarget
                        {
                            Uri = "https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/collector:run",
                            OidcToken = new OidcToken { ServiceAccountEmail = "sa@p.iam.gserviceaccount.com" },
                        },
                        new HttpTarget
                        {
                            Uri = "https://ping-abc123-ue.a.run.app/",
                            OAuthToken = new OAuthToken { ServiceAccountEmail = "ping@p.iam.gserviceaccount.com" },
                        },
                        new HttpTarget
                        {
                            Uri = "https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/bare:run",
                        },
                        new HttpTarget
                        {
                            Uri = "https://tick-abc123-ue.a.run.app/cron/tick",
                            OidcToken = new OidcToken { ServiceAccountEmail = "tick@p.iam.gserviceaccount.com" },
                        },
                    ];
                }
            }
            """);
        File.WriteAllText(Path.Combine(project, "deploy", "deploy.sh"), """
            #!/usr/bin/env bash
            set -euo pipefail
            gcloud scheduler jobs create http collect --schedule="*/30 * * * *" \
              --uri=https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/collector:run \
              --oidc-service-account-email=sa@p.iam.gserviceaccount.com
            gcloud scheduler jobs create http ping --schedule="* * * * *" --uri=https://ping-abc123-ue.a.run.app/ \
              --oauth-service-account-email=ping@p.iam.gserviceaccount.com
            gcloud run deploy tick --image=img --region=us-east1 --no-allow-unauthenticated
            gcloud scheduler jobs create http tick --uri=https://tick-abc123-ue.a.run.app/cron/tick \
              --oidc-service-account-email=tick@p.iam.gserviceaccount.com
            gcloud scheduler jobs create http bare --schedule="*/30 * * * *" \
              --uri=https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/bare:run --http-method=POST
            """);
        File.WriteAllText(Path.Combine(project, "infra", "main.tf"), """
            resource "google_cloud_scheduler_job" "collector" {
              schedule = "*/30 * * * *"
              http_target {
                http_method = "POST"
                uri         = "https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/collector:run"
                oidc_token {
                  service_account_email = "sa@p.iam.gserviceaccount.com"
                }
              }
            }

            resource "google_cloud_scheduler_job" "ping" {
              http_target {
                uri = "https://ping-abc123-ue.a.run.app/"
                oauth_token { service_account_email = "ping@p.iam.gserviceaccount.com" }
              }
            }

            resource "google_pubsub_subscription" "completions" {
              topic = google_pubsub_topic.completions.id
              push_config {
                push_endpoint = "${google_cloud_run_v2_service.orchestrator.uri}/pubsub"
                oidc_token {
                  service_account_email = "push@p.iam.gserviceaccount.com"
                }
              }
            }

            resource "google_cloud_scheduler_job" "bare" {
              http_target {
                http_method = "POST"
                uri         = "https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/bare:run"
              }
            }
            """);

        // The props hand .github/workflows/*.yml (a dot folder the SDK's globs skip) and cloudbuild*.yaml to the analyzer.
        File.WriteAllText(Path.Combine(project, ".github", "workflows", "deploy.yml"), """
            name: schedule
            on: push
            jobs:
              schedule:
                runs-on: ubuntu-latest
                steps:
                  - uses: google-github-actions/auth@v2
                  - run: |
                      gcloud scheduler jobs create http collect-ci \
                        --uri=https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/collector:run \
                        --oidc-service-account-email=sa@p.iam.gserviceaccount.com
            """);
        File.WriteAllText(Path.Combine(project, "deploy", "cloudbuild.yaml"), """
            steps:
              - name: gcr.io/cloud-builders/gcloud
                args:
                  - scheduler
                  - jobs
                  - create
                  - http
                  - ping-ci
                  - --uri=https://ping-abc123-ue.a.run.app/
                  - --oauth-service-account-email=ping@p.iam.gserviceaccount.com
            """);

        var (exit, output) = await feed.DotnetAsync(project, Ct, "build", "-nologo", "-v", "q");

        Assert.True(exit == 0, output);
        string[] expected =
            [
                ".github/workflows/deploy.yml:11 PAX001",
                "deploy/cloudbuild.yaml:10 PAX003",
                "Deploy.cs:19 PAX001",
                "Deploy.cs:24 PAX003",
                "Deploy.cs:28 PAX004",
                "Deploy.cs:32 PAX002",
                "deploy/deploy.sh:12 PAX004",
                "deploy/deploy.sh:5 PAX001",
                "deploy/deploy.sh:7 PAX003",
                "deploy/deploy.sh:9 PAX002",
                "infra/main.tf:15 PAX003",
                "infra/main.tf:22 PAX002",
                "infra/main.tf:32 PAX004",
                "infra/main.tf:6 PAX001",
            ];

        // The console logger may repeat a warning in its summary, so the build output is compared as a set; the SARIF log
        // has one result per diagnostic the compiler reported, so it is counted as is: three packages carry the analyzer
        // and its props, and each finding must still be reported exactly once (PaxKeepOneAnalyzerCopy, the props' guard).
        var printed = Warning().Matches(output)
            .Select(m => $"{Path.GetRelativePath(project, m.Groups["file"].Value).Replace('\\', '/')}:{m.Groups["line"].Value} {m.Groups["id"].Value}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), printed.Order(StringComparer.Ordinal));

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "consumer.sarif")));
        var reported = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("PAX", StringComparison.Ordinal))
            .Select(r => SarifFinding(project, r))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), reported);

        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("id").GetString()!.StartsWith("PAX", StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("id").GetString()!);
        foreach (var id in new[] { "PAX001", "PAX002", "PAX003", "PAX004" })
        {
            Assert.Equal($"{PackedFeed.RepositoryUrl}/blob/main/docs/rules/{id}.md", rules[id].TryGetProperty("helpUri", out var uri) ? uri.GetString() : null);
            Assert.True(File.Exists(Path.Combine(PackedFeed.RepositoryRoot, "docs", "rules", id + ".md")), $"the help link of {id} opens no page of the repository");

            // What the IDE's tooltip shows without the link: why, the fix, and the page shipped in the package.
            var description = rules[id].GetProperty("fullDescription").GetProperty("text").GetString()!;
            Assert.Contains(" Fix: ", description, StringComparison.Ordinal);
            Assert.Contains($"docs/rules/{id}.md", description, StringComparison.Ordinal);
        }
    }

    /// <summary>One SARIF 2.1 result as <c>{path relative to the project}:{line} {rule id}</c>.</summary>
    private static string SarifFinding(string project, JsonElement result)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var path = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
        var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
        return $"{Path.GetRelativePath(project, path).Replace('\\', '/')}:{line} {result.GetProperty("ruleId").GetString()}";
    }

    [GeneratedRegex(@"^(?<file>/[^(\r\n]+)\((?<line>\d+),\d+(,\d+,\d+)?\): warning (?<id>PAX\d{3})", RegexOptions.Multiline)]
    private static partial Regex Warning();
}
