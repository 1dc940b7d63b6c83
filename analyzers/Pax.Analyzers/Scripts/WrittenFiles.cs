using Pax.Analyzers.Project;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// The files a script writes whose content it shows: a heredoc through <c>cat &gt; FILE</c> or <c>tee FILE</c>, and
/// <c>echo</c>/<c>printf</c> redirected to a file (<c>&gt;</c> replaces, <c>&gt;&gt;</c> appends). A file that any other
/// command writes has unknown content and is left out.
/// </summary>
internal static class WrittenFiles
{
    /// <summary>
    /// Adds the files <paramref name="script"/> (read from <paramref name="text"/>) writes to <paramref name="written"/>,
    /// mapped through <paramref name="source"/> (or to the script itself).
    /// </summary>
    public static void Read(ShellScript script, string text, MappedText? source, List<WrittenConfig> written)
    {
        Dictionary<string, MappedText.Builder?>? files = null;
        foreach (var command in script.Commands)
        {
            if (!command.Redirections.Any(r => r.Replaces || r.Appends) && !(command.Words.Count > 0 && command.Words[0].Value == "tee"))
            {
                continue;
            }

            files ??= new Dictionary<string, MappedText.Builder?>(StringComparer.Ordinal);
            Read(command, text, files);
        }

        if (files is null)
        {
            return;
        }

        foreach (var file in files)
        {
            if (file.Value is { } content)
            {
                var body = content.Build();
                written.Add(new WrittenConfig(file.Key, source is null ? body : body.Through(source)));
            }
        }
    }

    private static void Read(ShellCommand command, string text, Dictionary<string, MappedText.Builder?> files)
    {
        var name = command.Words.Count > 0 ? command.Words[0].Value : string.Empty;
        var heredoc = command.Redirections.FirstOrDefault(r => r.Heredoc?.Body is not null)?.Heredoc?.Body;
        if (name == "tee")
        {
            var append = command.Words.Any(w => w.Value is "-a" or "--append");
            foreach (var file in command.Words.Skip(1).Where(w => !w.Value.StartsWith("-", StringComparison.Ordinal)))
            {
                Write(files, file.Value, heredoc is null ? null : Builder(heredoc), append);
            }
        }

        foreach (var redirection in command.Redirections)
        {
            if (redirection.Target is not { } target || !(redirection.Replaces || redirection.Appends))
            {
                continue;
            }

            var content = name switch
            {
                "cat" when command.Words.Count == 1 && heredoc is not null => Builder(heredoc),
                "echo" => Echo(command.Words, text),
                "printf" => Printf(command.Words, text),
                _ => null,
            };
            Write(files, target.Value, content, redirection.Appends);
        }
    }

    /// <summary>
    /// Records a write: <c>&gt;</c> replaces the content, <c>&gt;&gt;</c> appends to what the script wrote before (the
    /// first write of a file may append: CI starts from a clean checkout). Content not known makes the file unknown.
    /// </summary>
    private static void Write(Dictionary<string, MappedText.Builder?> files, string path, MappedText.Builder? content, bool append)
    {
        var key = WrittenConfig.NormalizePath(path);
        if (append && files.TryGetValue(key, out var existing))
        {
            if (existing is not null && content is not null)
            {
                existing.Append(content.Build());
            }
            else
            {
                files[key] = null;
            }

            return;
        }

        files[key] = content;
    }

    private static MappedText.Builder Builder(MappedText text) => new MappedText.Builder().Append(text);

    /// <summary><c>echo [-n] [-e] WORDS</c>: the words separated by spaces, a line break unless <c>-n</c>, escapes with <c>-e</c>.</summary>
    private static MappedText.Builder Echo(IReadOnlyList<ShellWord> words, string text)
    {
        var builder = new MappedText.Builder();
        var index = 1;
        bool newline = true, escapes = false;
        for (; index < words.Count && words[index].Value.Length > 1 && words[index].Value[0] == '-' && words[index].Value.Skip(1).All(c => c is 'n' or 'e' or 'E'); index++)
        {
            newline &= words[index].Value.IndexOf('n') < 0;
            escapes = words[index].Value.IndexOf('e') >= 0 || (escapes && words[index].Value.IndexOf('E') < 0);
        }

        var end = index < words.Count ? words[words.Count - 1].Span.End : words[0].Span.End;
        for (var i = index; i < words.Count; i++)
        {
            if (i > index)
            {
                builder.Append(' ', words[i].Span.Start - 1);
            }

            AppendWord(builder, words[i], text, escapes);
        }

        if (newline)
        {
            builder.Append('\n', end);
        }

        return builder;
    }

    /// <summary>
    /// <c>printf FORMAT</c> (escapes and <c>%%</c> resolved) or <c>printf '%s\n' ARGS</c> / <c>printf %s ARGS</c>;
    /// any other format is not evaluated (<see langword="null"/>).
    /// </summary>
    private static MappedText.Builder? Printf(IReadOnlyList<ShellWord> words, string text)
    {
        if (words.Count < 2)
        {
            return null;
        }

        var format = words[1].Value;
        var builder = new MappedText.Builder();
        if (format.Replace("%%", string.Empty).IndexOf('%') < 0)
        {
            AppendWord(builder, words[1], text, escapes: true);
            return builder;
        }

        if (format is not ("%s\\n" or "%s"))
        {
            return null;
        }

        for (var i = 2; i < words.Count; i++)
        {
            AppendWord(builder, words[i], text, escapes: false);
            if (format == "%s\\n")
            {
                builder.Append('\n', words[i].Span.End);
            }
        }

        return builder;
    }

    /// <summary>
    /// Appends a word's value, each character mapped into the word as written in <paramref name="text"/> (exactly when
    /// the word is written as its value, quoted or not); <c>\n</c>, <c>\t</c>, <c>\\</c> and <c>%%</c> resolved when
    /// <paramref name="escapes"/>.
    /// </summary>
    private static void AppendWord(MappedText.Builder builder, ShellWord word, string text, bool escapes)
    {
        var value = word.Value;
        var start = word.Span.Start;
        var end = Math.Max(word.Span.End, start + 1);
        if (word.Span.Length == value.Length + 2 && text[start] is '"' or '\''
            && string.CompareOrdinal(text, start + 1, value, 0, value.Length) == 0)
        {
            start++;
            end--;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var offset = Math.Min(start + i, end - 1);
            if (escapes && value[i] == '\\' && i + 1 < value.Length && value[i + 1] is 'n' or 't' or '\\')
            {
                builder.Append(value[i + 1] switch { 'n' => '\n', 't' => '\t', _ => '\\' }, offset);
                i++;
            }
            else if (escapes && value[i] == '%' && i + 1 < value.Length && value[i + 1] == '%')
            {
                builder.Append('%', offset);
                i++;
            }
            else
            {
                builder.Append(value[i], offset);
            }
        }
    }
}
