using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// A gcloud invocation: the command path and positional arguments (release track dropped) and the flags, in any
/// order (<c>--flag=value</c> or <c>--flag value</c>).
/// </summary>
internal sealed class GcloudCommand
{
    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal)
    {
        "allow-unauthenticated", "quiet", "async", "gen2", "trigger-http", "invoker-iam-check", "default-url",
        "use-http2", "cpu-throttling", "cpu-boost", "session-affinity", "execute-now", "wait", "retry",
        "enable-message-ordering", "enable-exactly-once-delivery", "push-no-wrapper", "push-no-wrapper-write-metadata",
        "help", "log-http", "user-output-enabled", "validate-only", "iap", "deploy-health-check",
    };

    private static readonly string[] ReleaseTracks = ["alpha", "beta", "preview"];

    private readonly Dictionary<string, GcloudFlag> _flags;
    private readonly bool _unknownFlagName;

    private GcloudCommand(IReadOnlyList<string> positionals, Dictionary<string, GcloudFlag> flags, bool unknownFlagName)
    {
        Positionals = positionals;
        _flags = flags;
        _unknownFlagName = unknownFlagName;
    }

    /// <summary>Command path and positional arguments, e.g. <c>scheduler jobs create http my-job</c>.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>The gcloud command in <paramref name="command"/>, or <see langword="null"/> when it runs no gcloud.</summary>
    public static GcloudCommand? From(ShellCommand command)
    {
        var words = command.Words;
        if (words.Count == 0 || words[0].Value is "echo" or "printf")
        {
            return null;
        }

        var start = -1;
        for (var i = 0; i < words.Count && i < 4; i++)
        {
            if (words[i].Value == "gcloud" || words[i].Value.EndsWith("/gcloud", StringComparison.Ordinal))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return null;
        }

        var positionals = new List<string>();
        var flags = new Dictionary<string, GcloudFlag>(StringComparer.Ordinal);
        var unknownFlagName = false;
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i];
            var value = word.Value;
            if (value == "-t" && IsBuildsSubmit(positionals) && i + 1 < words.Count)
            {
                // -t TAG is --tag TAG of gcloud builds submit (cloud.google.com/sdk/gcloud/reference/builds/submit).
                var tag = words[++i];
                AddFlag(flags, new GcloudFlag("tag", tag.Value, TextSpan.FromBounds(word.Span.Start, tag.Span.End)));
                continue;
            }

            if (!value.StartsWith("--", StringComparison.Ordinal))
            {
                if (!value.StartsWith("-", StringComparison.Ordinal) || value.Length == 1)
                {
                    positionals.Add(value);
                }

                continue;
            }

            var equals = value.IndexOf('=');
            if (equals > 0)
            {
                unknownFlagName |= value.IndexOf(UnknownText.Marker, 0, equals) >= 0;
                AddFlag(flags, new GcloudFlag(value.Substring(2, equals - 2), value.Substring(equals + 1), word.Span));
                continue;
            }

            var name = value.Substring(2);
            unknownFlagName |= !UnknownText.IsKnown(name);
            if (!IsBoolean(name) && i + 1 < words.Count && !words[i + 1].Value.StartsWith("-", StringComparison.Ordinal))
            {
                var next = words[++i];
                AddFlag(flags, new GcloudFlag(name, next.Value, TextSpan.FromBounds(word.Span.Start, next.Span.End)));
                continue;
            }

            AddFlag(flags, new GcloudFlag(name, null, word.Span));
        }

        while (positionals.Count > 0 && Array.IndexOf(ReleaseTracks, positionals[0]) >= 0)
        {
            positionals.RemoveAt(0);
        }

        return new GcloudCommand(positionals, flags, unknownFlagName);
    }

    private static bool IsBuildsSubmit(List<string> positionals)
    {
        var first = 0;
        while (first < positionals.Count && Array.IndexOf(ReleaseTracks, positionals[first]) >= 0)
        {
            first++;
        }

        return positionals.Count >= first + 2 && positionals[first] == "builds" && positionals[first + 1] == "submit";
    }

    /// <summary>Whether the command path starts with <paramref name="group"/>.</summary>
    public bool Is(string group) => At(0, group);

    /// <summary>Whether the command path starts with <paramref name="group"/> <paramref name="command"/>.</summary>
    /// <remarks>Fixed-arity overloads instead of <c>params</c>: the reader asks a dozen of these per command.</remarks>
    public bool Is(string group, string command) => At(0, group) && At(1, command);

    /// <summary>Whether the command path starts with <paramref name="group"/> <paramref name="resource"/> <paramref name="verb"/>.</summary>
    public bool Is(string group, string resource, string verb) => At(0, group) && At(1, resource) && At(2, verb);

    /// <summary>Whether the command path starts with the four words given.</summary>
    public bool Is(string group, string resource, string verb, string kind) =>
        At(0, group) && At(1, resource) && At(2, verb) && At(3, kind);

    /// <summary>The flag named <paramref name="name"/> (without dashes), or <see langword="null"/>.</summary>
    public GcloudFlag? Flag(string name) => _flags.TryGetValue(name, out var flag) ? flag : null;

    /// <summary>Whether the flag named <paramref name="name"/> is given.</summary>
    public bool Has(string name) => _flags.ContainsKey(name);

    /// <summary>
    /// Whether a value known only at run time stands where a flag name goes, so the command may hold any flag: a flag
    /// whose name is not known (<c>--$VISIBILITY</c>), or a word not known after the <paramref name="arity"/> words of the
    /// command path and its positional arguments (<c>gcloud run deploy api $EXTRA_FLAGS</c>, a workflow's
    /// <c>flags: ${{ inputs.flags }}</c>). A value after a flag that takes one (<c>--region $REGION</c>) is that flag's.
    /// </summary>
    public bool MayHoldUnknownFlags(int arity)
    {
        if (_unknownFlagName)
        {
            return true;
        }

        for (var i = arity; i < Positionals.Count; i++)
        {
            if (!UnknownText.IsKnown(Positionals[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The positional argument <paramref name="index"/> places after a command path of <paramref name="pathLength"/> words.</summary>
    public string? Argument(int pathLength, int index = 0) =>
        pathLength + index < Positionals.Count ? Positionals[pathLength + index] : null;

    private bool At(int index, string word) =>
        index < Positionals.Count && string.Equals(Positionals[index], word, StringComparison.Ordinal);

    private static bool IsBoolean(string name) =>
        BooleanFlags.Contains(name)
        || name.StartsWith("no-", StringComparison.Ordinal)
        || name.StartsWith("clear-", StringComparison.Ordinal)
        || name.StartsWith("enable-", StringComparison.Ordinal)
        || name.StartsWith("disable-", StringComparison.Ordinal);

    private static void AddFlag(Dictionary<string, GcloudFlag> flags, GcloudFlag flag)
    {
        // The first occurrence is kept: that is the one a diagnostic should point at.
        if (!flags.ContainsKey(flag.Name))
        {
            flags.Add(flag.Name, flag);
        }
    }
}
