using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>A node of a YAML document: a <see cref="YamlScalar"/>, <see cref="YamlMapping"/> or <see cref="YamlSequence"/>.</summary>
internal abstract class YamlNode
{
    /// <summary>Creates a node written at <paramref name="span"/>.</summary>
    protected YamlNode(TextSpan span) => Span = span;

    /// <summary>Where the node is written, from its first character to its last.</summary>
    public TextSpan Span { get; }
}
