using Pax.Analyzers.Deployment;
using Pax.Analyzers.Text;
using Pax.Analyzers.Yaml;

namespace Pax.Analyzers.Pipelines;

/// <summary>
/// Cloud Build substitutions (cloud.google.com/build/docs/configuring-builds/substitute-variable-values): in a step's
/// <c>args</c>, <c>entrypoint</c> and <c>env</c>, <c>$NAME</c> and <c>${NAME}</c> are replaced before the step runs and
/// <c>$$</c> stands for a literal <c>$</c>. A user-defined substitution (<c>_NAME</c>) takes the default the config's
/// <c>substitutions:</c> gives it (as a script's <c>${VAR:-default}</c> does); built-in ones (<c>$PROJECT_ID</c>,
/// <c>$BUILD_ID</c>, <c>$COMMIT_SHA</c>, …) and any other are known only when the build runs.
/// </summary>
internal sealed class CloudBuildSubstitutions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>
    /// The substitutions of a config's <c>substitutions:</c> mapping. A value may use others (<c>_HOST:
    /// ${_REGION}-run.googleapis.com</c>): Cloud Build expands them as bash does with dynamic substitutions, which a
    /// trigger always has and <c>options.dynamicSubstitutions</c> turns on. They are resolved here; a value that uses
    /// itself (through others or not), a bash expansion other than <c>${NAME}</c>/<c>$NAME</c>, or one longer than
    /// <see cref="ReadLimits.MaxValueLength"/> is unknown in the parts it cannot tell.
    /// </summary>
    public CloudBuildSubstitutions(YamlNode? substitutions)
    {
        if (substitutions is not YamlMapping mapping)
        {
            return;
        }

        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar value && !written.ContainsKey(entry.Key.Value))
            {
                written[entry.Key.Value] = value.Value;
            }
        }

        var resolving = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in written.Keys)
        {
            Resolve(name, written, resolving);
        }
    }
    /// <summary>The user-defined substitutions and their defaults, as environment variables (<c>automapSubstitutions</c>).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// The value of the substitution <paramref name="name"/>, its own substitutions resolved (with <paramref name="resolving"/>
    /// holding those being resolved, so a cycle is unknown); <see langword="null"/> for one not defined.
    /// </summary>
    private string? Resolve(string name, Dictionary<string, string> written, HashSet<string> resolving)
    {
        if (_values.TryGetValue(name, out var resolved))
        {
            return resolved;
        }

        if (!written.TryGetValue(name, out var value))
        {
            return null;
        }

        if (!resolving.Add(name))
        {
            return UnknownText.Value;
        }

        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < value.Length && result.Length <= ReadLimits.MaxValueLength)
        {
            if (value[i] != '$')
            {
                result.Append(value[i++]);
                continue;
            }

            if (Peek(value, i + 1) == '$')
            {
                result.Append('$');
                i += 2;
                continue;
            }

            var braced = Peek(value, i + 1) == '{';
            var nameStart = i + (braced ? 2 : 1);
            var nameEnd = NameEnd(value, nameStart);
            if (nameEnd == nameStart || char.IsDigit(value[nameStart]))
            {
                result.Append(value[i++]);
                continue;
            }

            if (braced && Peek(value, nameEnd) != '}')
            {
                // ${_A:-x}, ${_A/x/y}, ${_A:0:7}: a bash expansion this reader does not evaluate.
                var close = value.IndexOf('}', nameEnd);
                AppendValue(result, UnknownText.Value);
                i = close < 0 ? value.Length : close + 1;
                continue;
            }

            AppendValue(result, Resolve(value.Substring(nameStart, nameEnd - nameStart), written, resolving) ?? UnknownText.Value);
            i = braced ? nameEnd + 1 : nameEnd;
        }

        resolving.Remove(name);
        resolved = result.Length > ReadLimits.MaxValueLength ? UnknownText.Value : result.ToString();
        _values[name] = resolved;
        return resolved;
    }

    /// <summary>Appends <paramref name="value"/>; unknown parts next to each other are one.</summary>
    private static void AppendValue(System.Text.StringBuilder result, string value)
    {
        var skip = result.Length > 0 && result[result.Length - 1] == UnknownText.Marker && value.Length > 0 && value[0] == UnknownText.Marker ? 1 : 0;
        result.Append(value, skip, value.Length - skip);
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    private static int NameEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end;
    }

    /// <summary><paramref name="text"/> with its substitutions applied, each mapped onto what it replaces.</summary>
    public MappedText Apply(MappedText text)
    {
        var value = text.Text;
        if (value.IndexOf('$') < 0)
        {
            return text;
        }

        var builder = new MappedText.Builder();
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c != '$')
            {
                builder.AppendFrom(text, i);
                i++;
                continue;
            }

            if (i + 1 < value.Length && value[i + 1] == '$')
            {
                builder.Append("$", text.StartOf(i), text.EndOf(i + 1));
                i += 2;
                continue;
            }

            var braced = i + 1 < value.Length && value[i + 1] == '{';
            var nameStart = i + (braced ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < value.Length && (char.IsLetterOrDigit(value[nameEnd]) || value[nameEnd] == '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || char.IsDigit(value[nameStart]) || (braced && (nameEnd >= value.Length || value[nameEnd] != '}')))
            {
                builder.AppendFrom(text, i); // not a substitution: $( … ), $1, ${VAR:-x}
                i++;
                continue;
            }

            var end = braced ? nameEnd + 1 : nameEnd;
            var replacement = _values.TryGetValue(value.Substring(nameStart, nameEnd - nameStart), out var known) ? known : UnknownText.Value;
            builder.Append(replacement, text.StartOf(i), text.EndOf(end - 1));
            i = end;
        }

        return builder.Build(text.StartOf(value.Length));
    }
}
