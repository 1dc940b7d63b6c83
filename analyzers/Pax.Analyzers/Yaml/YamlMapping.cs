using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>A mapping, block or flow: its entries in document order.</summary>
internal sealed class YamlMapping : YamlNode
{
    /// <summary>Creates a mapping.</summary>
    public YamlMapping(TextSpan span, IReadOnlyList<YamlEntry> entries)
        : base(span) => Entries = entries;

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <summary>The value of the first entry whose key is <paramref name="key"/>, or <see langword="null"/>.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The value of <paramref name="key"/> when it is a scalar, or <see langword="null"/>.</summary>
    public YamlScalar? Scalar(string key) => Get(key) as YamlScalar;
}
