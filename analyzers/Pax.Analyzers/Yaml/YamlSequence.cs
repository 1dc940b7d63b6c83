using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>A sequence, block (<c>- item</c>) or flow (<c>[a, b]</c>).</summary>
internal sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(TextSpan span, IReadOnlyList<YamlNode?> items)
        : base(span) => Items = items;

    /// <summary>The items in document order; an empty item is <see langword="null"/>.</summary>
    public IReadOnlyList<YamlNode?> Items { get; }
}
