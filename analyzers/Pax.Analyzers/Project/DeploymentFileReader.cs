using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Pipelines;
using Pax.Analyzers.Scripts;
using Pax.Analyzers.Suppression;
using Pax.Analyzers.Yaml;

namespace Pax.Analyzers.Project;

/// <summary>Reads one script, Dockerfile, GitHub Actions workflow or Cloud Build config.</summary>
internal static class DeploymentFileReader
{
    /// <summary>
    /// Reads <paramref name="text"/> as a file of <paramref name="kind"/>, or returns <see langword="null"/> when it can
    /// hold nothing the rules look at (no gcloud command, no Cloud Run deploy action).
    /// </summary>
    public static DeploymentFile? Read(string path, DeploymentFileKind kind, SourceText text)
    {
        var content = text.ToString();
        if (content.IndexOf("gcloud", StringComparison.Ordinal) < 0
            && !(kind == DeploymentFileKind.GitHubWorkflow && content.IndexOf("deploy-cloudrun", StringComparison.Ordinal) >= 0))
        {
            return null;
        }

        var facts = new DeploymentFacts();
        Location Locate(TextSpan span)
        {
            // Derived text may map its last character to the end of the file (a block scalar's final line break).
            var start = Math.Min(Math.Max(span.Start, 0), text.Length);
            var clamped = TextSpan.FromBounds(start, Math.Min(Math.Max(span.End, start), text.Length));
            return Location.Create(path, clamped, text.Lines.GetLinePositionSpan(clamped));
        }

        var directives = InlineSuppressions.MayHaveDirectives(content);
        InlineSuppressions suppressions;
        if (kind is DeploymentFileKind.GitHubWorkflow or DeploymentFileKind.CloudBuild)
        {
            var document = YamlReader.Read(content);
            var constructs = directives ? new ConstructIndex() : null;
            if (kind == DeploymentFileKind.GitHubWorkflow)
            {
                GitHubWorkflowReader.Read(document, Locate, facts, constructs);
            }
            else
            {
                CloudBuildReader.Read(document, Locate, facts, constructs);
            }

            constructs?.AddRange(document.Constructs);
            suppressions = constructs is null ? InlineSuppressions.None : InlineSuppressions.Read(text, slashComments: false, constructs.End);
        }
        else
        {
            var shellText = kind == DeploymentFileKind.Dockerfile ? DockerfileShellText.Extract(content) : content;
            var script = ShellScriptReader.Read(shellText);
            GcloudDeploymentReader.Read(script, Locate, facts);
            WrittenFiles.Read(script, shellText, null, facts.WrittenConfigs);
            suppressions = directives ? InlineSuppressions.Read(text, slashComments: false, script.ConstructEnd) : InlineSuppressions.None;
        }

        return new DeploymentFile(path, facts, suppressions, Locate);
    }
}
