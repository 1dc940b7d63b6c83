using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Project;
using Pax.Analyzers.Scripts;
using Pax.Analyzers.Suppression;
using Pax.Analyzers.Yaml;

namespace Pax.Analyzers.Pipelines;

/// <summary>
/// A Cloud Build config (cloud.google.com/build/docs/build-config-file-schema): each step runs its <c>entrypoint</c>
/// with its <c>args</c> — or the image's own entrypoint, <c>gcloud</c> for the gcloud builder
/// (<c>gcr.io/cloud-builders/gcloud</c>, <c>gcloud-slim</c>; GoogleCloudPlatform/cloud-builders, gcloud/README.md:
/// "Arguments passed to this builder will be passed to gcloud directly") — or its <c>script</c>. A step that runs
/// <c>gcloud</c> is read as that gcloud command, argument by argument; one that runs <c>bash -c</c> / <c>sh -c</c> or a
/// <c>script</c> is read as a shell script, with the step's and the build's <c>env</c> as its environment
/// (cloud.google.com/build/docs/configuring-builds/run-bash-scripts: a script gets no substitutions unless
/// <c>automapSubstitutions</c> maps them to environment variables).
/// </summary>
internal static class CloudBuildReader
{
    private static readonly string[] GcloudBuilders = ["gcr.io/cloud-builders/gcloud", "gcr.io/cloud-builders/gcloud-slim"];

    /// <summary>Reads <paramref name="document"/> into <paramref name="facts"/>.</summary>
    public static void Read(YamlDocument document, Func<TextSpan, Location> locate, DeploymentFacts facts, ConstructIndex? constructs)
    {
        if (document.Root is not YamlMapping root || root.Get("steps") is not YamlSequence steps)
        {
            return;
        }

        var substitutions = new CloudBuildSubstitutions(root.Get("substitutions"));
        var options = root.Get("options") as YamlMapping;
        var buildEnvironment = Environment(options?.Get("env"), substitutions, null);
        var automap = options?.Scalar("automapSubstitutions")?.Value == "true";
        foreach (var item in steps.Items)
        {
            if (item is YamlMapping step)
            {
                var environment = Environment(step.Get("env"), substitutions, buildEnvironment);
                var stepAutomap = step.Scalar("automapSubstitutions")?.Value is { } value ? value == "true" : automap;
                ReadStep(step, substitutions, environment, stepAutomap, locate, facts, constructs);
            }
        }
    }

    private static void ReadStep(
        YamlMapping step, CloudBuildSubstitutions substitutions, Dictionary<string, string> environment, bool automap,
        Func<TextSpan, Location> locate, DeploymentFacts facts, ConstructIndex? constructs)
    {
        if (step.Scalar("script") is { } script)
        {
            if (IsShellScript(script.Value))
            {
                if (automap)
                {
                    foreach (var value in substitutions.Values)
                    {
                        environment[value.Key] = value.Value;
                    }
                }

                EmbeddedScript.Read(script.Content, environment, locate, facts, constructs);
            }

            return;
        }

        var args = step.Get("args") as YamlSequence;
        var words = Command(step, args, substitutions);
        var program = words.Count == 0 ? string.Empty : words[0].Value.Substring(words[0].Value.LastIndexOf('/') + 1);
        if (program == "gcloud" && GcloudCommand.From(new ShellCommand(words)) is { } command)
        {
            GcloudDeploymentReader.Read(command, locate, facts);
        }
        else if (program is "bash" or "sh" && ScriptArgument(args, words) is { } scriptArgument)
        {
            EmbeddedScript.Read(substitutions.Apply(scriptArgument.Content), environment, locate, facts, constructs);
        }
    }

    /// <summary>What a step runs: its entrypoint (or <c>gcloud</c> for the gcloud builder) and its arguments, substituted.</summary>
    private static List<ShellWord> Command(YamlMapping step, YamlSequence? args, CloudBuildSubstitutions substitutions)
    {
        var words = new List<ShellWord>();
        if (step.Scalar("entrypoint") is { } entrypoint)
        {
            words.Add(Word(entrypoint, substitutions));
        }
        else if (step.Scalar("name") is { } name && IsGcloudBuilder(name.Value))
        {
            words.Add(new ShellWord("gcloud", name.Span, isAssignment: false));
        }

        if (args is not null)
        {
            words.AddRange(args.Items.OfType<YamlScalar>().Select(arg => Word(arg, substitutions)));
        }

        return words;
    }

    /// <summary>The argument after <c>-c</c> (or a short-option group ending in it, <c>-ec</c>) of a <c>bash</c> step.</summary>
    private static YamlScalar? ScriptArgument(YamlSequence? args, List<ShellWord> words)
    {
        if (args is null)
        {
            return null;
        }

        var scalars = args.Items.OfType<YamlScalar>().ToList();
        var offset = words.Count - scalars.Count;
        for (var i = offset; i < words.Count - 1; i++)
        {
            var word = words[i].Value;
            if (word.Length > 1 && word[0] == '-' && word[1] != '-' && word.IndexOf('c') > 0)
            {
                return scalars[i + 1 - offset];
            }
        }

        return null;
    }

    private static ShellWord Word(YamlScalar scalar, CloudBuildSubstitutions substitutions) =>
        new(substitutions.Apply(scalar.Content).Text, scalar.Span, isAssignment: false);

    private static bool IsGcloudBuilder(string image)
    {
        var name = image.Trim();
        var end = name.IndexOfAny([':', '@'], name.LastIndexOf('/') + 1);
        name = end < 0 ? name : name.Substring(0, end);
        return Array.IndexOf(GcloudBuilders, name) >= 0;
    }

    /// <summary>Whether a <c>script</c> runs in a POSIX shell: no shebang (<c>/bin/sh</c>), or one naming <c>sh</c> or <c>bash</c>.</summary>
    private static bool IsShellScript(string script)
    {
        if (!script.StartsWith("#!", StringComparison.Ordinal))
        {
            return true;
        }

        var newline = script.IndexOf('\n');
        var words = script.Substring(2, (newline < 0 ? script.Length : newline) - 2).Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var name = words.Length == 0 ? string.Empty : words[0].Substring(words[0].LastIndexOf('/') + 1);
        if (name == "env" && words.Length > 1)
        {
            name = words[1];
        }

        return name is "sh" or "bash";
    }

    /// <summary>The variables of an <c>env:</c> list (<c>KEY=VALUE</c>, substitutions applied) over <paramref name="outer"/>.</summary>
    private static Dictionary<string, string> Environment(YamlNode? node, CloudBuildSubstitutions substitutions, Dictionary<string, string>? outer)
    {
        var environment = outer is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(outer, StringComparer.Ordinal);
        if (node is YamlSequence list)
        {
            foreach (var item in list.Items.OfType<YamlScalar>())
            {
                var value = substitutions.Apply(item.Content).Text;
                var equals = value.IndexOf('=');
                if (equals > 0)
                {
                    environment[value.Substring(0, equals)] = value.Substring(equals + 1);
                }
            }
        }

        return environment;
    }
}
