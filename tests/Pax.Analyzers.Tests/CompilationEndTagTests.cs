using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.CSharp;
using Pax.Analyzers.Scripts;
using Pax.Analyzers.Terraform;
using Pax.Analyzers.Tests.Support;

namespace Pax.Analyzers.Tests;

/// <summary>
/// A diagnostic reported from a compilation end action carries <see cref="WellKnownDiagnosticTags.CompilationEnd"/> on
/// its descriptor (RS1037): an IDE analyzing an open file does not run those actions, and the tag tells it to keep
/// such a diagnostic from the last full analysis or build instead of dropping it.
/// </summary>
public sealed class CompilationEndTagTests
{
    private const string NoGrantScheduler =
        "gcloud scheduler jobs create http tick --uri=https://tick-abc123-uc.a.run.app/ --oidc-service-account-email=tick@p.iam.gserviceaccount.com\n";

    public static TheoryData<string, string> ScriptProjects() => new()
    {
        // PAX001 and PAX003 in a config a script writes and the project submits: known only once every file is read.
        {
            "deploy/01-write.sh",
            "tee build/deploy.yaml <<'YAML' >/dev/null\nsteps:\n- name: gcr.io/cloud-builders/gcloud\n  args: ['scheduler', 'jobs', 'create', 'http', 'j', '--uri=https://run.googleapis.com/v2/x:run', '--oidc-service-account-email=a@p.iam.gserviceaccount.com']\n- name: gcr.io/cloud-builders/gcloud\n  args: ['scheduler', 'jobs', 'create', 'http', 'k', '--uri=https://k-abc123-uc.a.run.app/', '--oauth-service-account-email=a@p.iam.gserviceaccount.com']\n- name: gcr.io/cloud-builders/gcloud\n  args: ['scheduler', 'jobs', 'create', 'http', 'l', '--uri=https://run.googleapis.com/v2/y:run']\nYAML\ngcloud builds submit --config build/deploy.yaml\n"
        },
        // PAX002 and PAX004 of the project as one unit.
        { "deploy/tick.sh", NoGrantScheduler + "gcloud run deploy api --no-allow-unauthenticated\ngcloud scheduler jobs create http a --uri=https://api-abc123-uc.a.run.app/\n" },
        { ".github/workflows/deploy.yml", "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: " + NoGrantScheduler },
    };

    [Theory]
    [MemberData(nameof(ScriptProjects))]
    public Task Scripts_and_ci_files(string path, string content) =>
        AssertTaggedAsync([], [(path, content)], new GcloudScriptAnalyzer());

    [Fact]
    public Task Terraform() => AssertTaggedAsync([], [("infra/main.tf", """
        resource "google_cloud_scheduler_job" "tick" {
          http_target {
            uri = "https://tick-abc123-uc.a.run.app/"
            oidc_token { service_account_email = "tick@p.iam.gserviceaccount.com" }
          }
        }
        """)], new TerraformAnalyzer());

    [Fact]
    public Task CSharp() => AssertTaggedAsync([GoogleCloudStubs.SchedulerV1, """
        using Google.Cloud.Scheduler.V1;
        class Deploy
        {
            HttpTarget Tick() => new HttpTarget { Uri = "https://tick-abc123-uc.a.run.app/", OidcToken = new OidcToken { ServiceAccountEmail = "t@p.iam.gserviceaccount.com" } };
            HttpTarget Run() => new HttpTarget { Uri = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run" };
        }
        """], [], new CSharpDeploymentAnalyzer());

    private static async Task AssertTaggedAsync(string[] sources, (string Path, string Content)[] files, DiagnosticAnalyzer analyzer)
    {
        var atEnd = await ProjectAnalysis.CompilationEndDiagnosticsAsync(sources.Length == 0 ? ["internal static class Program { }"] : sources, files, analyzer);

        Assert.NotEmpty(atEnd);
        Assert.All(atEnd, d => Assert.True(
            d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd),
            d.Id + " is reported at compilation end without the CompilationEnd tag: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(atEnd, d => Assert.Contains(analyzer.SupportedDiagnostics, s => s.Id == d.Id && s.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)));
    }
}
