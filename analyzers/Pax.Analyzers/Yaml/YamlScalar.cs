using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>
/// A scalar: plain, quoted or a block (<c>|</c>, <c>&gt;</c>). Its value is mapped to the document, character by
/// character, so a command inside a block scalar is reported at its line and column.
/// </summary>
internal sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar written at <paramref name="span"/> whose value is <paramref name="content"/>.</summary>
    public YamlScalar(TextSpan span, MappedText content, bool isAlias = false)
        : base(span)
    {
        Content = content;
        IsAlias = isAlias;
    }

    /// <summary>The value (quotes, escapes, indentation and folding resolved), mapped to the document.</summary>
    public MappedText Content { get; }

    /// <summary>The value.</summary>
    public string Value => Content.Text;

    /// <summary>Whether the node is an alias (<c>*name</c>): its value is not followed.</summary>
    public bool IsAlias { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
