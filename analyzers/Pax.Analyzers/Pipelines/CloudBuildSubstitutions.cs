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

    /// <summary>The substitutions of a config's <c>substitutions:</c> mapping.</summary>
    public CloudBuildSubstitutions(YamlNode? substitutions)
    {
        if (substitutions is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Value is YamlScalar value && value.Value.IndexOf('$') < 0)
                {
                    _values[entry.Key.Value] = value.Value;
                }
            }
        }
    }

    /// <summary>The user-defined substitutions and their defaults, as environment variables (<c>automapSubstitutions</c>).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

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
