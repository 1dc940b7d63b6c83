using System.Text;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// Reads a POSIX/bash script into its simple commands: quotes removed, <c>\</c> continuations joined, comments and
/// heredoc bodies skipped (those a <c>cat</c> or <c>tee</c> may write to a file are kept, expanded), <c>$VAR</c>/<c>${VAR}</c>/<c>${VAR:-default}</c>
/// expanded from the literal assignments made earlier in the same file (and from the environment it is given). It never
/// throws: a failure ends reading and is reported in <see cref="ShellScript.Failure"/>.
/// </summary>
internal sealed partial class ShellScriptReader
{
    private static readonly HashSet<string> Keywords =
        new(StringComparer.Ordinal) { "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "time", "{", "}", "esac" };

    private static readonly HashSet<string> Declarations =
        new(StringComparer.Ordinal) { "export", "readonly", "local", "declare", "typeset" };

    private readonly string _text;
    private readonly Dictionary<string, string> _variables;
    private readonly List<ShellCommand> _commands = [];
    private readonly List<ShellStatement> _statements = [];
    private readonly List<PendingHeredoc> _pendingHeredocs = [];
    private List<ShellRedirection>? _redirections;
    private int _heredocEnd = -1;
    private int _position;
    private int _nesting;

    private ShellScriptReader(string text, Dictionary<string, string> variables)
    {
        _text = text;
        _variables = variables;
    }

    /// <summary>
    /// Reads <paramref name="text"/>; never throws. <paramref name="environment"/> holds the variables set before the
    /// script runs (a CI step's <c>env:</c>).
    /// </summary>
    public static ShellScript Read(string text, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (environment is not null)
        {
            foreach (var variable in environment)
            {
                variables[variable.Key] = variable.Value;
            }
        }

        var reader = new ShellScriptReader(text ?? string.Empty, variables);
        try
        {
            while (reader._position < reader._text.Length)
            {
                reader._heredocEnd = -1;
                var words = reader.ReadCommandWords();
                if (words.Count > 0)
                {
                    reader._statements.Add(ShellStatement.From(words, reader._heredocEnd));
                }

                reader.Complete(words);
            }

            return new ShellScript(reader._commands, reader._statements);
        }
#pragma warning disable CA1031 // A reader of outside input never throws past its boundary.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new ShellScript(reader._commands, reader._statements, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private char Peek(int offset) =>
        _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private List<ShellWord> ReadCommandWords()
    {
        var words = new List<ShellWord>();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r')
            {
                _position++;
            }
            else if (c == '\\' && (Peek(1) == '\n' || (Peek(1) == '\r' && Peek(2) == '\n')))
            {
                _position += Peek(1) == '\n' ? 2 : 3;
            }
            else if (c == '#')
            {
                SkipToLineEnd();
            }
            else if (c == '\n')
            {
                _position++;
                SkipHeredocBodies();
                break;
            }
            else if (c is '<' or '>' || (c == '&' && Peek(1) == '>'))
            {
                ReadRedirection(words);
            }
            else if (c is ';' or '&' or '|' or '(' or ')')
            {
                _position += Peek(1) == c && c is ';' or '&' or '|' ? 2 : 1;
                break;
            }
            else if (ReadWord(stopAtBlanks: true) is { } word)
            {
                words.Add(word);
            }
        }

        return words;
    }

    private void Complete(List<ShellWord> words)
    {
        var index = 0;
        while (index < words.Count && Keywords.Contains(words[index].Value))
        {
            index++;
        }

        var declaration = index < words.Count && Declarations.Contains(words[index].Value);
        if (declaration)
        {
            index++;
            while (index < words.Count && words[index].Value.StartsWith("-", StringComparison.Ordinal))
            {
                index++;
            }
        }

        var firstCommandWord = index;
        while (firstCommandWord < words.Count && words[firstCommandWord].IsAssignment)
        {
            firstCommandWord++;
        }

        var redirections = _redirections;
        _redirections = null;
        if (firstCommandWord == words.Count || declaration)
        {
            // NAME=value alone (or after export/readonly/local) assigns for the rest of the script.
            for (var i = index; i < firstCommandWord; i++)
            {
                var value = words[i].Value;
                var equals = value.IndexOf('=');
                _variables[value.Substring(0, equals)] = value.Length - equals - 1 > ReadLimits.MaxValueLength
                    ? UnknownText.Value
                    : value.Substring(equals + 1);
            }

            return;
        }

        // NAME=value before a command sets that command's environment only.
        _commands.Add(new ShellCommand(words.GetRange(firstCommandWord, words.Count - firstCommandWord), redirections));
    }

    private void ReadRedirection(List<ShellWord> words)
    {
        var start = _position;
        if (_text[_position] == '&')
        {
            _position++;
        }

        while (Peek(0) is '<' or '>')
        {
            _position++;
        }

        var op = _text.Substring(start, _position - start);
        var descriptor = start;
        while (descriptor > 0 && char.IsDigit(_text[descriptor - 1]))
        {
            descriptor--;
        }

        // A file descriptor is a whole word of digits before the operator (2>&1), not the end of one (a2>f).
        var fd = descriptor == 0 || _text[descriptor - 1] is ' ' or '\t' or '\n' or ';' or '|' or '&' or '('
            ? _text.Substring(descriptor, start - descriptor)
            : string.Empty;
        var stripTabs = false;
        if (op == "<<" && Peek(0) == '-')
        {
            stripTabs = true;
            _position++;
        }
        else if (Peek(0) is '&' or '|')
        {
            _position++;
        }

        while (Peek(0) is ' ' or '\t')
        {
            _position++;
        }

        if (Peek(0) == '|' && op == ">")
        {
            op = ">|";
        }

        var target = ReadWord(stopAtBlanks: true);
        var redirections = _redirections ??= [];
        PendingHeredoc? heredoc = null;
        if (op == "<<" && target is not null)
        {
            var quoted = _text.IndexOfAny(['\'', '"', '\\'], target.Span.Start, target.Span.Length) >= 0;
            var writer = words.FirstOrDefault(word => word.Value is "cat" or "tee")?.Value;
            heredoc = new PendingHeredoc(target.Value, stripTabs, quoted, writer, redirections);
            _pendingHeredocs.Add(heredoc);
        }

        redirections.Add(new ShellRedirection(fd.Length > 0 && fd != "1" && fd != "0" ? fd + op : op, target, heredoc));
    }

    private void SkipToLineEnd()
    {
        while (_position < _text.Length && _text[_position] != '\n')
        {
            _position++;
        }
    }

    private void SkipHeredocBodies()
    {
        foreach (var heredoc in _pendingHeredocs)
        {
            var bodyStart = _position;
            var bodyEnd = _text.Length;
            while (_position < _text.Length)
            {
                var end = _text.IndexOf('\n', _position);
                var lineEnd = end < 0 ? _text.Length : end;
                var line = _text.Substring(_position, lineEnd - _position).TrimEnd('\r');
                var lineStart = _position;
                _position = end < 0 ? _text.Length : end + 1;
                if ((heredoc.StripTabs ? line.TrimStart('\t') : line) == heredoc.Delimiter)
                {
                    bodyEnd = lineStart;
                    break;
                }
            }

            _heredocEnd = Math.Max(_heredocEnd, Math.Max(bodyStart, _position - 1));
            if (heredoc.KeepBody)
            {
                heredoc.Body = ReadHeredocBody(bodyStart, bodyEnd, heredoc);
            }
        }

        _pendingHeredocs.Clear();
    }

    private ShellWord? ReadWord(bool stopAtBlanks)
    {
        var start = _position;
        var value = new StringBuilder();
        var plainIdentifier = true;
        var isAssignment = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (stopAtBlanks && c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')')
            {
                break;
            }

            if (c == '=' && plainIdentifier && value.Length > 0 && !isAssignment)
            {
                isAssignment = true;
            }

            plainIdentifier = plainIdentifier && !isAssignment && IsIdentifierChar(c, value.Length == 0);
            ReadWordPart(value);
        }

        _position = Math.Min(_position, _text.Length);
        if (_position == start)
        {
            return null;
        }

        var text = value.ToString();
        if (stopAtBlanks && Peek(0) is '<' or '>' && text.Length > 0 && text.All(char.IsDigit) && _text[start] != '"')
        {
            return null; // a file descriptor number such as the 2 of 2>&1
        }

        return new ShellWord(text, TextSpan.FromBounds(start, _position), isAssignment);
    }

    private void ReadWordPart(StringBuilder value)
    {
        var c = _text[_position];
        switch (c)
        {
            case '\\':
                if (Peek(1) == '\n')
                {
                    _position += 2;
                }
                else
                {
                    if (Peek(1) != '\0')
                    {
                        value.Append(Peek(1));
                    }

                    _position += 2;
                }

                break;
            case '\'':
                _position++;
                var close = _text.IndexOf('\'', _position);
                var end = close < 0 ? _text.Length : close;
                value.Append(_text, _position, end - _position);
                _position = Math.Min(_text.Length, end + 1);
                break;
            case '"':
                ReadDoubleQuoted(value);
                break;
            case '$':
                value.Append(ReadExpansion());
                break;
            case '`':
                value.Append(ReadBackticks());
                break;
            default:
                value.Append(c);
                _position++;
                break;
        }
    }

    private void ReadDoubleQuoted(StringBuilder value)
    {
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return;
            }

            if (c == '\\')
            {
                var next = Peek(1);
                if (next is '$' or '`' or '"' or '\\')
                {
                    value.Append(next);
                }
                else if (next != '\n')
                {
                    value.Append('\\').Append(next);
                }

                _position += 2;
            }
            else if (c == '$')
            {
                value.Append(ReadExpansion());
            }
            else if (c == '`')
            {
                value.Append(ReadBackticks());
            }
            else
            {
                value.Append(c);
                _position++;
            }
        }
    }

    private static bool IsIdentifierChar(char c, bool first) =>
        c == '_' || (c is >= 'A' and <= 'Z') || (c is >= 'a' and <= 'z') || (!first && c is >= '0' and <= '9');
}
