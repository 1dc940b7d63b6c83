using Pax.Analyzers.Scripts;
using Pax.Analyzers.Terraform;
using Pax.Analyzers.Tests.Support;

namespace Pax.Analyzers.Tests.Project;

/// <summary>
/// What the analyzers report about a project does not depend on the order in which they see its files (the compiler
/// hands them over from several threads): every permutation of each project's files gives the same diagnostics.
/// </summary>
public sealed class OrderIndependenceTests
{
    private const string Scheduler = """
        gcloud scheduler jobs create http report --uri=https://us-central1-p.cloudfunctions.net/fn \
          --oidc-service-account-email=cron@p.iam.gserviceaccount.com
        """;

    public static TheoryData<string> Projects() => [.. ProjectFiles.Keys];

    private static readonly Dictionary<string, (string Path, string Content)[]> ProjectFiles = new(StringComparer.Ordinal)
    {
        // dev.sh deploys fn with gcloud's default generation, prod.sh as 2nd gen: the generation is unknown.
        ["function generations that disagree"] =
        [
            ("deploy/dev.sh", "gcloud functions deploy fn --trigger-http --runtime=python312\n"),
            ("deploy/prod.sh", "gcloud functions deploy fn --gen2 --trigger-http --runtime=python312\n"),
            ("deploy/scheduler.sh", Scheduler),
        ],
        ["a Terraform module that deploys fn as both generations"] =
        [
            ("infra/gen1.tf", "resource \"google_cloudfunctions_function\" \"fn\" {\n  name         = \"fn\"\n  trigger_http = true\n}\n"),
            ("infra/gen2.tf", "resource \"google_cloudfunctions2_function\" \"fn\" {\n  name = \"fn\"\n}\n"),
            ("infra/scheduler.tf", """
                resource "google_cloud_scheduler_job" "report" {
                  http_target {
                    uri = "https://us-central1-p.cloudfunctions.net/fn"
                    oidc_token { service_account_email = "cron@p.iam.gserviceaccount.com" }
                  }
                }
                """),
        ],
        ["scripts, CI files and a written config"] =
        [
            ("deploy/01-deploy.sh", "gcloud run deploy tick --image=img --no-allow-unauthenticated\ngcloud functions deploy fn --no-gen2 --trigger-http\n"),
            ("deploy/02-config.sh", """
                cat > cb.yaml <<EOF
                steps:
                - name: gcr.io/cloud-builders/gcloud
                  args: ['run', 'services', 'add-iam-policy-binding', 'tick', '--member=serviceAccount:a@p.iam.gserviceaccount.com', '--role=roles/run.invoker']
                EOF
                """),
            (".github/workflows/ci.yml", """
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: gcloud builds submit --config cb.yaml
                      - run: gcloud functions deploy fn --gen2 --trigger-http
                """),
            ("cloudbuild.yaml", """
                steps:
                - name: gcr.io/cloud-builders/gcloud
                  args: ['scheduler', 'jobs', 'create', 'http', 't', '--uri=https://tick-abc123-uc.a.run.app/', '--oidc-service-account-email=b@p.iam.gserviceaccount.com']
                """),
            ("deploy/03-scheduler.sh", Scheduler + "\ngcloud pubsub subscriptions create s --topic=t --push-endpoint=https://tick-abc123-uc.a.run.app/\n"),
        ],
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Every_order_of_a_projects_files_gives_the_same_diagnostics(string project)
    {
        var files = ProjectFiles[project];
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var order in Permutations(files))
        {
            var diagnostics = await ProjectAnalysis.DiagnosticsAsync(order, new GcloudScriptAnalyzer(), new TerraformAnalyzer());
            results[string.Join(", ", order.Select(f => f.Path))] = string.Join("\n", diagnostics);
        }

        Assert.Single(results.Values.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_function_that_one_file_deploys_as_2nd_gen_and_another_with_gcloud_default_is_of_unknown_generation()
    {
        var files = ProjectFiles["function generations that disagree"];

        foreach (var order in Permutations(files))
        {
            Assert.Empty(await ProjectAnalysis.DiagnosticsAsync(order, new GcloudScriptAnalyzer()));
        }
    }

    private static IEnumerable<(string Path, string Content)[]> Permutations((string Path, string Content)[] files)
    {
        if (files.Length <= 1)
        {
            yield return files;
            yield break;
        }

        for (var i = 0; i < files.Length; i++)
        {
            foreach (var rest in Permutations([.. files.Take(i), .. files.Skip(i + 1)]))
            {
                yield return [files[i], .. rest];
            }
        }
    }
}
