using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Project;
using Pax.Analyzers.Scripts;
using Pax.Analyzers.Suppression;
using Pax.Analyzers.Yaml;

namespace Pax.Analyzers.Pipelines;

/// <summary>
/// A GitHub Actions workflow (<c>.github/workflows/*.yml</c>): the <c>run:</c> of every step of every job is read as
/// a shell script (docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions, <c>jobs.&lt;id&gt;.steps[*].run</c>),
/// with the workflow's, job's and step's <c>env:</c> as its environment and its expressions substituted; a step whose
/// shell is not <c>bash</c> or <c>sh</c> (<c>shell: pwsh</c>, or the default on a Windows runner) is left out.
/// <c>google-github-actions/deploy-cloudrun</c> counts as the <c>gcloud run deploy SERVICE FLAGS</c> it runs.
/// </summary>
internal static class GitHubWorkflowReader
{
    /// <summary>Reads <paramref name="document"/> into <paramref name="facts"/>.</summary>
    public static void Read(YamlDocument document, Func<TextSpan, Location> locate, DeploymentFacts facts, ConstructIndex? constructs)
    {
        if (document.Root is not YamlMapping root || root.Get("jobs") is not YamlMapping jobs)
        {
            return;
        }

        var workflowEnvironment = Environment(root.Get("env"), null);
        var workflowShell = DefaultShell(root);
        foreach (var entry in jobs.Entries)
        {
            if (entry.Value is not YamlMapping job || job.Get("steps") is not YamlSequence steps)
            {
                continue;
            }

            var jobEnvironment = Environment(job.Get("env"), workflowEnvironment);
            var jobShell = DefaultShell(job) ?? workflowShell ?? (RunsOnWindows(job.Get("runs-on")) ? "pwsh" : "bash");
            foreach (var item in steps.Items)
            {
                if (item is YamlMapping step)
                {
                    ReadStep(step, Environment(step.Get("env"), jobEnvironment), jobShell, locate, facts, constructs);
                }
            }
        }
    }

    private static void ReadStep(
        YamlMapping step, Dictionary<string, string> environment, string shell, Func<TextSpan, Location> locate, DeploymentFacts facts, ConstructIndex? constructs)
    {
        if (step.Scalar("run") is { } run)
        {
            if (IsPosixShell(step.Scalar("shell")?.Value ?? shell))
            {
                EmbeddedScript.Read(GitHubExpressions.Substitute(run.Content, environment), environment, locate, facts, constructs);
            }
        }
        else if (step.Scalar("uses")?.Value.StartsWith("google-github-actions/deploy-cloudrun@", StringComparison.Ordinal) == true
            && step.Get("with") is YamlMapping with && with.Scalar("service") is { } service)
        {
            // action.yml of google-github-actions/deploy-cloudrun: `flags` are passed to `gcloud run deploy` for a service;
            // flags known only at run time where a flag name goes may make it public ("can't tell"), as in a script.
            var name = GitHubExpressions.Substitute(service.Content, environment).Text;
            var flags = with.Scalar("flags") is { } given ? GitHubExpressions.Substitute(given.Content, environment).Text : string.Empty;
            var command = ShellScriptReader.Read("gcloud run deploy '" + name.Replace("'", string.Empty) + "' " + flags);
            GcloudDeploymentReader.Read(command, _ => locate(service.Span), facts);
        }
    }

    /// <summary>The variables of an <c>env:</c> mapping over those of the enclosing level.</summary>
    private static Dictionary<string, string> Environment(YamlNode? node, Dictionary<string, string>? outer)
    {
        var environment = outer is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(outer, StringComparer.Ordinal);
        if (node is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Value is YamlScalar value)
                {
                    environment[entry.Key.Value] = GitHubExpressions.Substitute(value.Content, outer).Text;
                }
            }
        }

        return environment;
    }

    private static string? DefaultShell(YamlMapping level) =>
        ((level.Get("defaults") as YamlMapping)?.Get("run") as YamlMapping)?.Scalar("shell")?.Value;

    /// <summary>
    /// Whether <c>runs-on</c> (a label or a list of labels) names a Windows runner. Nested lists are not labels and are
    /// not followed: through aliases they could be as deep, or as many, as a file's anchors allow.
    /// </summary>
    private static bool RunsOnWindows(YamlNode? runsOn) => runsOn switch
    {
        YamlScalar label => IsWindowsLabel(label),
        YamlSequence labels => labels.Items.OfType<YamlScalar>().Any(IsWindowsLabel),
        _ => false,
    };

    private static bool IsWindowsLabel(YamlScalar label) => label.Value.IndexOf("windows", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Whether a step's <c>shell</c> (<c>bash</c>, <c>sh</c>, or a custom <c>bash -e {0}</c>) is a POSIX shell.</summary>
    private static bool IsPosixShell(string shell)
    {
        var program = shell.Trim().Split(' ')[0];
        var name = program.Substring(program.LastIndexOf('/') + 1);
        return name is "bash" or "sh";
    }
}
