using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Terraform;

/// <summary>
/// Reads the structure of a Terraform (HCL native syntax) file: blocks with labels, nested blocks and attributes with
/// their expressions as written. Comments (<c>#</c>, <c>//</c>, <c>/* */</c>), multi-line expressions and heredocs are
/// skipped correctly. It never throws: a failure ends reading and is reported in <see cref="TerraformFile.Failure"/>.
/// </summary>
internal sealed class TerraformReader
{
    private readonly string _text;
    private int _position;
    private int _nesting;

    private TerraformReader(string text) => _text = text;

    /// <summary>Reads <paramref name="text"/>; never throws.</summary>
    public static TerraformFile Read(string text)
    {
        var reader = new TerraformReader(text ?? string.Empty);
        var root = new TerraformBlock(string.Empty, [], default);
        try
        {
            reader.ReadBody(root, nested: false);
            return new TerraformFile(root.Blocks, attributes: root.Attributes);
        }
#pragma warning disable CA1031 // A reader of outside input never throws past its boundary.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new TerraformFile(root.Blocks, exception.GetType().Name + ": " + exception.Message, root.Attributes);
        }
    }

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private char Next => _position + 1 < _text.Length ? _text[_position + 1] : '\0';

    private void ReadBody(TerraformBlock block, bool nested)
    {
        while (true)
        {
            SkipTrivia(newlines: true);
            if (_position >= _text.Length)
            {
                return;
            }

            if (Current == '}')
            {
                _position++;
                if (nested)
                {
                    return;
                }

                continue;
            }

            if (!IsIdentifierStart(Current))
            {
                SkipLine();
                continue;
            }

            var start = _position;
            var name = ReadIdentifier();
            SkipTrivia(newlines: false);
            if (Current == '=' && Next != '=')
            {
                _position++;
                SkipTrivia(newlines: false);
                var expression = ReadExpression();
                block.Attributes.Add(new TerraformAttribute(name, TextSpan.FromBounds(start, expression.Span.End), expression));
                continue;
            }

            ReadNestedBlock(block, name, start, start + name.Length);
        }
    }

    private void ReadNestedBlock(TerraformBlock parent, string type, int start, int headerEnd)
    {
        var labels = new List<string>();
        while (true)
        {
            SkipTrivia(newlines: false);
            if (Current == '"')
            {
                var end = TerraformExpression.SkipString(_text, _position);
                labels.Add(_text.Substring(_position + 1, Math.Max(0, end - _position - 2)));
                _position = end;
            }
            else if (IsIdentifierStart(Current))
            {
                labels.Add(ReadIdentifier());
            }
            else
            {
                break;
            }

            headerEnd = _position;
        }

        SkipTrivia(newlines: true);
        if (Current != '{')
        {
            SkipLine();
            return;
        }

        _position++;
        var block = new TerraformBlock(type, labels, TextSpan.FromBounds(start, headerEnd));
        parent.Blocks.Add(block);
        if (_nesting >= ReadLimits.MaxNesting)
        {
            SkipBody(); // deeper blocks are not read: what they hold is unknown
        }
        else
        {
            _nesting++;
            ReadBody(block, nested: true);
            _nesting--;
        }

        block.End = _position;
    }

    /// <summary>Steps over the rest of a block's body, to after its closing brace, without reading it.</summary>
    private void SkipBody()
    {
        var depth = 1;
        while (_position < _text.Length && depth > 0)
        {
            var c = Current;
            if (c == '"')
            {
                _position = TerraformExpression.SkipString(_text, _position);
                continue;
            }

            if (c == '#' || (c == '/' && Next == '/'))
            {
                SkipLine();
                continue;
            }

            if (c == '/' && Next == '*')
            {
                SkipBlockComment();
                continue;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            _position++;
        }
    }

    private TerraformExpression ReadExpression()
    {
        var start = _position;
        var depth = 0;
        while (_position < _text.Length)
        {
            var c = Current;
            if (c == '\n' && depth == 0)
            {
                break;
            }

            if (c == '#' || (c == '/' && Next == '/'))
            {
                if (depth == 0)
                {
                    break;
                }

                SkipLine();
            }
            else if (c == '/' && Next == '*')
            {
                SkipBlockComment();
            }
            else if (c == '"')
            {
                _position = TerraformExpression.SkipString(_text, _position);
            }
            else if (c == '<' && Next == '<' && depth == 0)
            {
                SkipHeredoc();
                break;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
                _position++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    break; // the closing brace of a one-line block: block { name = value }
                }

                depth--;
                _position++;
            }
            else
            {
                _position++;
            }
        }

        var end = _position;
        while (end > start && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        return new TerraformExpression(_text.Substring(start, end - start), TextSpan.FromBounds(start, end));
    }

    private void SkipHeredoc()
    {
        _position += 2;
        var strip = Current == '-';
        if (strip)
        {
            _position++;
        }

        var marker = ReadIdentifier();
        SkipLine();
        while (_position < _text.Length)
        {
            _position++; // the newline
            var lineStart = _position;
            SkipLine();
            if (marker.Length == 0 || _text.Substring(lineStart, _position - lineStart).Trim() == marker)
            {
                return;
            }
        }
    }

    private void SkipTrivia(bool newlines)
    {
        while (_position < _text.Length)
        {
            var c = Current;
            if (c is ' ' or '\t' or '\r' || (newlines && c == '\n'))
            {
                _position++;
            }
            else if (c == '#' || (c == '/' && Next == '/'))
            {
                SkipLine();
            }
            else if (c == '/' && Next == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        _position = end < 0 ? _text.Length : end + 2;
    }

    private void SkipLine()
    {
        var end = _text.IndexOf('\n', _position);
        _position = end < 0 ? _text.Length : end;
    }

    private string ReadIdentifier()
    {
        var start = _position;
        while (_position < _text.Length && (IsIdentifierStart(Current) || char.IsDigit(Current) || Current == '-'))
        {
            _position++;
        }

        return _text.Substring(start, _position - start);
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';
}
