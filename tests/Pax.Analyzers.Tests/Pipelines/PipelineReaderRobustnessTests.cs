using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Project;
using Pax.Analyzers.Scripts;
using Pax.Analyzers.Tests.Support;
using Pax.Analyzers.Yaml;

namespace Pax.Analyzers.Tests.Pipelines;

/// <summary>
/// The readers of workflows, Cloud Build configs and scripts never throw, whatever the file holds: every prefix of a
/// realistic file (a file being typed in the IDE) and seeded random edits of its YAML- and shell-significant characters
/// are read without an exception escaping (an analyzer exception would fail the user's build as AD0001).
/// </summary>
public sealed class PipelineReaderRobustnessTests
{
    private const string Workflow = """
        env:
          REGION: ${{ vars.REGION }}
        jobs:
          deploy:
            runs-on: [ubuntu-latest]
            defaults: { run: { shell: bash } }
            steps:
              - uses: google-github-actions/deploy-cloudrun@v2
                with: {service: api, flags: '--allow-unauthenticated'}
              - env:
                  URI: "https://${{ env.REGION }}-run.googleapis.com/v2/x:run"
                run: |
                  cat > cb.yaml <<EOF
                  steps: [{name: gcr.io/cloud-builders/gcloud, args: ['scheduler', 'jobs', 'create', 'http', 'j', "--uri=$URI"]}]
                  EOF
                  gcloud builds submit --config cb.yaml
                  gcloud scheduler jobs create http j --uri="$URI" \
                    --oidc-service-account-email=a@p.iam.gserviceaccount.com # pax-ignore: PAX001
              - run: >-
                  gcloud pubsub subscriptions create s --push-endpoint=https://api-x-uc.a.run.app/
        """;

    private const string CloudBuild = """
        substitutions: {_REGION: us-east1}
        options: {automapSubstitutions: true, env: ['A=b']}
        steps:
        - name: 'gcr.io/cloud-builders/gcloud'
          args: ['run', 'deploy', 'api', "--region=${_REGION}", '--allow-unauthenticated']
        - name: gcr.io/cloud-builders/gcloud
          entrypoint: bash
          args:
          - -ec
          - |
            # pax-ignore: PAX001 reviewed
            gcloud scheduler jobs create http j --uri="https://$${R:-x}-run.googleapis.com/v2/x:run" --oidc-service-account-email="$$SA"
        - name: ubuntu
          script: |
            #!/bin/bash
            echo "steps:" > b.yaml && printf '%s\n' "- name: x" >> b.yaml
        """;

    public static TheoryData<string, int> Samples() => new()
    {
        { Workflow, (int)DeploymentFileKind.GitHubWorkflow },
        { CloudBuild, (int)DeploymentFileKind.CloudBuild },
        { Workflow, (int)DeploymentFileKind.Script },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_prefix_and_random_edits_are_read_without_an_exception(string sample, int kind)
    {
        var fileKind = (DeploymentFileKind)kind;
        var random = new Random(30);
        const string Significant = "-:|>'\"[]{}\n #$\\`(),&*!%@=";
        var texts = Enumerable.Range(0, sample.Length + 1).Select(length => sample.Substring(0, length)).ToList();
        for (var i = 0; i < 400; i++)
        {
            var chars = sample.ToCharArray().ToList();
            for (var edit = 0; edit < 1 + random.Next(4); edit++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Significant[random.Next(Significant.Length)]); break;
                    default: chars[at] = Significant[random.Next(Significant.Length)]; break;
                }
            }

            texts.Add(new string([.. chars]));
        }

        var files = new List<DeploymentFile>();
        foreach (var text in texts)
        {
            // An exception the reader caught would end reading early: none may happen, whatever the text.
            Assert.Null(fileKind == DeploymentFileKind.Script ? ShellScriptReader.Read(text).Failure : YamlReader.Read(text).Failure);
            if (DeploymentFileReader.Read("f", fileKind, SourceText.From(text)) is { } file)
            {
                files.Add(file);
                _ = file.Suppressions.IsSuppressed(Microsoft.CodeAnalysis.Diagnostic.Create(RuleDescriptors.OidcTokenToGoogleApi, file.Locate(new TextSpan(0, 0)), "x"));
            }
        }

        var project = ProjectDeployment.From(files);
        Assert.NotNull(project.UnitDiagnostics().ToList());
        Assert.NotEmpty(files);
    }

    [Theory]
    [InlineData(".github/workflows/deploy.yml", "jobs:\n  a:\n    steps: ", "[{run: ", "gcloud run deploy x")]
    [InlineData("cloudbuild.yaml", "steps:\n", "- ", "{name: gcr.io/cloud-builders/gcloud, args: [gcloud]}")]
    [InlineData("cloudbuild.yaml", "steps: ", "{k: ", "gcloud")]
    [InlineData("deploy.sh", "gcloud run deploy x --image=", "${A:-", "gcloud")]
    public void A_file_nested_thirty_thousand_deep_is_read_without_overflowing_the_stack(string path, string prefix, string level, string suffix)
    {
        var text = prefix + string.Concat(Enumerable.Repeat(level, 30_000)) + suffix;

        var diagnostics = SmallStack.Run(() =>
        {
            var file = DeploymentFileReader.Read(path, DeploymentFiles.KindOf(path), SourceText.From(text));
            return ProjectDeployment.From(file is null ? [] : [file]).UnitDiagnostics().ToList();
        });

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData(".github/workflows/deploy.yml", "jobs:\n  a:\n    runs-on: *a29999\n    env: *a29999\n    steps: *a29999\n")]
    [InlineData("cloudbuild.yaml", "substitutions: *a29999\nsteps: *a29999\n")]
    public void Aliases_of_aliases_thirty_thousand_deep_and_doubling_are_read_without_overflow_or_blowup(string path, string use)
    {
        // a0 is a list of two words, each a(n) a list of two a(n-1): followed naively, 2^30000 words 30,000 deep.
        var text = "x:\n  - &a0 [gcloud, gcloud]\n" + string.Concat(Enumerable.Range(1, 29_999).Select(i => $"  - &a{i} [*a{i - 1}, *a{i - 1}]\n")) + use;

        var diagnostics = SmallStack.Run(() =>
        {
            var file = DeploymentFileReader.Read(path, DeploymentFiles.KindOf(path), SourceText.From(text));
            return ProjectDeployment.From(file is null ? [] : [file]).UnitDiagnostics().ToList();
        });

        Assert.Empty(diagnostics);
    }
}
