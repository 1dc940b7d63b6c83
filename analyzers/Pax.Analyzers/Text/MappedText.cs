using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Text;

/// <summary>
/// Text derived from a file — a YAML scalar's value, a heredoc body with its variables expanded, a Cloud Build argument
/// after substitution — with, for every character, the part of the source it came from (one character, or the whole
/// expression an expansion replaced), so a finding in the derived text is reported at its place in the file.
/// </summary>
internal sealed class MappedText
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;
    private readonly int _start;
    private readonly int _end;

    private MappedText(string text, int[] starts, int[] ends, int end)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _end = end;
    }

    /// <summary>A slice of the source, character for character (no table: most YAML scalars are such).</summary>
    private MappedText(string text, int start)
    {
        Text = text;
        _start = start;
        _end = start + text.Length;
    }

    /// <summary>The derived text.</summary>
    public string Text { get; }

    /// <summary>The text of <paramref name="source"/> from <paramref name="start"/> to <paramref name="end"/>, mapped one to one.</summary>
    public static MappedText Slice(string source, int start, int end) => new(source.Substring(start, end - start), start);

    /// <summary>Where the source of the character at <paramref name="position"/> starts (the text's end maps to its source's end).</summary>
    public int StartOf(int position) =>
        position < 0 || position >= Text.Length ? _end
        : _starts is null ? _start + position
        : _starts[position];

    /// <summary>Where the source of the character at <paramref name="position"/> ends.</summary>
    public int EndOf(int position) =>
        position < 0 || position >= Text.Length ? _end
        : _ends is null ? _start + position + 1
        : _ends[position];

    /// <summary>The span of the source that <paramref name="span"/> of the text came from.</summary>
    public TextSpan ToSource(TextSpan span)
    {
        var start = StartOf(span.Start);
        return span.Length == 0 ? new TextSpan(start, 0) : TextSpan.FromBounds(start, Math.Max(start, EndOf(span.End - 1)));
    }

    /// <summary>This text with its source taken through <paramref name="outer"/> (this text's source is <paramref name="outer"/>'s text).</summary>
    public MappedText Through(MappedText outer)
    {
        var starts = new int[Text.Length];
        var ends = new int[Text.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = outer.StartOf(StartOf(i));
            ends[i] = Math.Max(starts[i], outer.EndOf(EndOf(i) - 1));
        }

        return new MappedText(Text, starts, ends, outer.StartOf(_end));
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Builds a <see cref="MappedText"/> character by character.</summary>
    internal sealed class Builder
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly List<int> _starts = [];
        private readonly List<int> _ends = [];

        /// <summary>The number of characters appended so far.</summary>
        public int Length => _text.Length;

        /// <summary>Appends <paramref name="c"/>, which came from the character at <paramref name="offset"/>.</summary>
        public Builder Append(char c, int offset) => Append(c, offset, offset + 1);

        /// <summary>Appends <paramref name="value"/>, which replaces the source from <paramref name="start"/> to <paramref name="end"/> (an expansion).</summary>
        public Builder Append(string value, int start, int end)
        {
            foreach (var c in value)
            {
                Append(c, start, end);
            }

            return this;
        }

        /// <summary>Appends <paramref name="text"/> with its own source.</summary>
        public Builder Append(MappedText text)
        {
            for (var i = 0; i < text.Text.Length; i++)
            {
                AppendFrom(text, i);
            }

            return this;
        }

        /// <summary>Appends the character of <paramref name="text"/> at <paramref name="index"/> with its source.</summary>
        public Builder AppendFrom(MappedText text, int index) => Append(text.Text[index], text.StartOf(index), text.EndOf(index));

        /// <summary>Removes the last <paramref name="count"/> characters.</summary>
        public void RemoveLast(int count)
        {
            count = Math.Min(count, _text.Length);
            _text.Length -= count;
            _starts.RemoveRange(_starts.Count - count, count);
            _ends.RemoveRange(_ends.Count - count, count);
        }

        /// <summary>The text; its end maps to where its last character's source ends.</summary>
        public MappedText Build() => Build(_ends.Count == 0 ? 0 : _ends[_ends.Count - 1]);

        /// <summary>The text; its end maps to <paramref name="endOffset"/>.</summary>
        public MappedText Build(int endOffset) => new(_text.ToString(), [.. _starts], [.. _ends], endOffset);

        private Builder Append(char c, int start, int end)
        {
            _text.Append(c);
            _starts.Add(start);
            _ends.Add(Math.Max(start, end));
            return this;
        }
    }
}
