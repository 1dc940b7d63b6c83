using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Project;
using Pax.Analyzers.Suppression;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// A shell script inside another file — a workflow step's <c>run:</c>, a Cloud Build step's <c>bash -c</c> argument or
/// <c>script:</c> — read like a script file, its findings mapped to where they are written in that file.
/// </summary>
internal static class EmbeddedScript
{
    /// <summary>
    /// Reads <paramref name="script"/> (mapped to the file <paramref name="locate"/> places) into <paramref name="facts"/>;
    /// adds its statements to <paramref name="constructs"/> when given.
    /// </summary>
    public static void Read(
        MappedText script, IReadOnlyDictionary<string, string>? environment, Func<TextSpan, Location> locate, DeploymentFacts facts, ConstructIndex? constructs)
    {
        var text = script.Text;
        if (text.IndexOf("gcloud", StringComparison.Ordinal) < 0 && text.IndexOf('>') < 0 && text.IndexOf("tee", StringComparison.Ordinal) < 0)
        {
            return;
        }

        var shell = ShellScriptReader.Read(text, environment);
        GcloudDeploymentReader.Read(shell, span => locate(script.ToSource(span)), facts);
        WrittenFiles.Read(shell, text, script, facts.WrittenConfigs);
        constructs?.AddRange(shell.Constructs().Select(script.ToSource));
    }
}
