using System.Text;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>Parameter expansion, command substitution and heredoc bodies.</summary>
internal sealed partial class ShellScriptReader
{
    /// <summary>
    /// The body of a heredoc, from <paramref name="start"/> to <paramref name="end"/>: as written when the delimiter was
    /// quoted; otherwise with <c>$VAR</c>, <c>${…}</c>, <c>$(…)</c> and <c>`…`</c> expanded and <c>\$</c>, <c>\`</c>,
    /// <c>\\</c> and <c>\</c>-newline unescaped (bash manual, "Here Documents"); leading tabs removed for <c>&lt;&lt;-</c>.
    /// </summary>
    private MappedText ReadHeredocBody(int start, int end, PendingHeredoc heredoc)
    {
        var builder = new MappedText.Builder();
        var saved = _position;
        var lineStart = true;
        try
        {
            _position = start;
            while (_position < end)
            {
                var c = _text[_position];
                if (heredoc.StripTabs && lineStart && c == '\t')
                {
                    _position++;
                    continue;
                }

                lineStart = c == '\n';
                var expand = !heredoc.Quoted;
                if (expand && c == '\\' && _position + 1 < end && _text[_position + 1] is '$' or '`' or '\\' or '\n')
                {
                    if (_text[_position + 1] != '\n')
                    {
                        builder.Append(_text[_position + 1], _position + 1);
                    }

                    _position += 2;
                }
                else if (expand && c is '$' or '`')
                {
                    var from = _position;
                    var value = c == '$' ? ReadExpansion() : ReadBackticks();
                    builder.Append(value, from, _position);
                }
                else
                {
                    builder.Append(c, _position);
                    _position++;
                }
            }

            return builder.Build(end);
        }
        finally
        {
            _position = saved;
        }
    }

    private string ReadExpansion()
    {
        var next = Peek(1);
        if (next == '{')
        {
            _position += 2;
            return ExpandParameter(ReadBalanced('{', '}'));
        }

        if (next == '(')
        {
            _position += 2;
            var content = ReadBalanced('(', ')');
            return content.StartsWith("(", StringComparison.Ordinal) ? UnknownText.Value : SubstitutionValue(content);
        }

        if (next == '\'')
        {
            _position += 2;
            var value = new StringBuilder();
            while (_position < _text.Length && _text[_position] != '\'')
            {
                value.Append(_text[_position] == '\\' && _position + 1 < _text.Length ? _text[++_position] : _text[_position]);
                _position++;
            }

            _position++;
            return value.ToString();
        }

        if (IsIdentifierChar(next, first: true))
        {
            _position++;
            var start = _position;
            while (_position < _text.Length && IsIdentifierChar(_text[_position], first: false))
            {
                _position++;
            }

            return Lookup(_text.Substring(start, _position - start)) ?? UnknownText.Value;
        }

        if (char.IsDigit(next) || next is '@' or '*' or '#' or '?' or '$' or '!' or '-')
        {
            _position += 2;
            return UnknownText.Value;
        }

        _position++;
        return "$";
    }

    private string ReadBackticks()
    {
        _position++;
        var start = _position;
        while (_position < _text.Length && _text[_position] != '`')
        {
            _position += _text[_position] == '\\' ? 2 : 1;
        }

        var end = Math.Min(_position, _text.Length);
        _position = Math.Min(_text.Length, _position + 1);
        return SubstitutionValue(_text.Substring(start, end - start));
    }

    /// <summary>Reads up to the closer that balances an opener already consumed; quotes are skipped over.</summary>
    private string ReadBalanced(char open, char close)
    {
        var start = _position;
        var depth = 1;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\\')
            {
                _position += 2;
                continue;
            }

            if (c == '\'' || c == '"')
            {
                var end = _text.IndexOf(c, _position + 1);
                _position = end < 0 ? _text.Length : end + 1;
                continue;
            }

            if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                var content = _text.Substring(start, _position - start);
                _position++;
                return content;
            }

            _position++;
        }

        _position = Math.Min(_position, _text.Length);
        return _text.Substring(start, _position - start);
    }

    private string ExpandParameter(string content)
    {
        var nameLength = 0;
        while (nameLength < content.Length && IsIdentifierChar(content[nameLength], nameLength == 0))
        {
            nameLength++;
        }

        if (nameLength == 0)
        {
            return UnknownText.Value; // ${#VAR}, ${!VAR}, ${1}, ${@}
        }

        var value = Lookup(content.Substring(0, nameLength));
        var operation = content.Substring(nameLength);
        if (operation.Length == 0)
        {
            return value ?? UnknownText.Value;
        }

        var colon = operation[0] == ':';
        var op = colon ? (operation.Length > 1 ? operation[1] : '\0') : operation[0];
        var word = operation.Substring(colon ? 2 : 1);
        var unset = value is null || (colon && value.Length == 0);
        return op switch
        {
            '-' or '=' => unset ? ExpandFragment(word) : value!,
            '?' => value ?? UnknownText.Value,
            '+' => value is null ? UnknownText.Value : (unset ? string.Empty : ExpandFragment(word)),
            _ => UnknownText.Value, // substrings, pattern removal and replacement
        };
    }

    /// <summary>Expands a fragment such as the default of <c>${VAR:-default}</c> with the current variables.</summary>
    /// <remarks>A fragment within <see cref="ReadLimits.MaxNesting"/> others (<c>${A:-${B:-…}}</c>) is unknown.</remarks>
    private string ExpandFragment(string fragment)
    {
        if (_nesting >= ReadLimits.MaxNesting)
        {
            return UnknownText.Value;
        }

        var reader = new ShellScriptReader(fragment, _variables) { _nesting = _nesting + 1 };
        return reader.ReadWord(stopAtBlanks: false)?.Value ?? string.Empty;
    }

    private string? Lookup(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// A command substitution is not run; its value is unknown, except that a Cloud Run or Cloud Functions URL lookup
    /// (<c>$(gcloud run services describe … --format='value(status.url)')</c>) is known to be a Cloud Run URL.
    /// </summary>
    private string SubstitutionValue(string command)
    {
        var words = string.Join(" ", command.Split([' ', '\t', '\n', '\r', '\\'], StringSplitOptions.RemoveEmptyEntries));
        var describesService = words.Contains("gcloud run services describe")
            || words.Contains("gcloud functions describe")
            || words.Contains("gcloud beta run services describe");
        if (!describesService || words.IndexOf("url", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return UnknownText.Value;
        }

        // The service named right after "describe", expanded with the variables assigned so far.
        var after = words.Substring(words.IndexOf("describe", StringComparison.Ordinal) + "describe".Length).Trim();
        var name = ExpandFragment(after.Split(' ')[0]);
        if (name.Length == 0 || name.StartsWith("-", StringComparison.Ordinal) || !name.All(c => char.IsLetterOrDigit(c) || c == '-'))
        {
            return UnknownText.CloudRunServiceUrl;
        }

        // A function's URL names the function (https://{region}-{project}.cloudfunctions.net/{name}); its generation,
        // and so the permission a caller needs, is the script's to show.
        return words.Contains("functions describe")
            ? "https://" + UnknownText.Marker + ".cloudfunctions.net/" + name
            : UnknownText.CloudRunServiceUrlOf(name);
    }
}
