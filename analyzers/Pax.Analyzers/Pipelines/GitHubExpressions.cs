using Pax.Analyzers.Deployment;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Pipelines;

/// <summary>
/// GitHub Actions expressions (<c>${{ … }}</c>), which the runner substitutes into a step's text before the shell
/// reads it (docs.github.com/en/actions/learn-github-actions/expressions): <c>env.NAME</c> takes the value of the
/// workflow's, job's or step's <c>env:</c>, a string literal (<c>'text'</c>) is itself; everything else
/// (<c>secrets.*</c>, <c>vars.*</c>, <c>steps.*.outputs.*</c>, <c>inputs.*</c>, <c>matrix.*</c>, functions) is known only at
/// run time and becomes <see cref="UnknownText.Marker"/>, so the known parts around it (a host's
/// <c>-run.googleapis.com</c>) still count.
/// </summary>
internal static class GitHubExpressions
{
    /// <summary><paramref name="text"/> with every expression substituted; each substitution maps onto its expression.</summary>
    public static MappedText Substitute(MappedText text, IReadOnlyDictionary<string, string>? environment)
    {
        var value = text.Text;
        var open = value.IndexOf("${{", StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        var builder = new MappedText.Builder();
        var position = 0;
        while (open >= 0)
        {
            var close = value.IndexOf("}}", open + 3, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            for (; position < open; position++)
            {
                builder.AppendFrom(text, position);
            }

            var resolved = Evaluate(value.Substring(open + 3, close - open - 3).Trim(), environment);
            builder.Append(resolved, text.StartOf(open), text.EndOf(close + 1));
            position = close + 2;
            open = value.IndexOf("${{", position, StringComparison.Ordinal);
        }

        for (; position < value.Length; position++)
        {
            builder.AppendFrom(text, position);
        }

        return builder.Build(text.StartOf(value.Length));
    }

    private static string Evaluate(string expression, IReadOnlyDictionary<string, string>? environment)
    {
        if (expression.StartsWith("env.", StringComparison.Ordinal) && environment is not null
            && environment.TryGetValue(expression.Substring(4), out var value))
        {
            return value;
        }

        if (expression.Length >= 2 && expression[0] == '\'' && expression[expression.Length - 1] == '\''
            && expression.IndexOf('\'', 1) == expression.Length - 1)
        {
            return expression.Substring(1, expression.Length - 2);
        }

        return UnknownText.Value;
    }
}
