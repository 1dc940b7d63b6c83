using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>A mapping, block or flow: its entries in document order.</summary>
internal sealed class YamlMapping : YamlNode
{
    private const string MergeKey = "<<";

    /// <summary>Creates a mapping.</summary>
    public YamlMapping(TextSpan span, IReadOnlyList<YamlEntry> entries)
        : base(span) => Entries = entries;

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <summary>
    /// The value of the first entry whose key is <paramref name="key"/>; else the value a merge key (<c>&lt;&lt;: *base</c>,
    /// <c>&lt;&lt;: [*a, *b]</c>, yaml.org/type/merge.html) brings in, the first mapping given first; or <see langword="null"/>.
    /// </summary>
    public YamlNode? Get(string key)
    {
        YamlNode? merged = null;
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }

            if (merged is null && entry.Key.Value == MergeKey)
            {
                merged = entry.Value;
            }
        }

        return merged switch
        {
            YamlMapping mapping => mapping.GetOwn(key),
            YamlSequence sequence => sequence.Items.OfType<YamlMapping>().Select(m => m.GetOwn(key)).FirstOrDefault(v => v is not null),
            _ => null,
        };
    }

    /// <summary>The value of the entry <paramref name="key"/> written in this mapping, or <see langword="null"/>.</summary>
    private YamlNode? GetOwn(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal))?.Value;

    /// <summary>The value of <paramref name="key"/> when it is a scalar, or <see langword="null"/>.</summary>
    public YamlScalar? Scalar(string key) => Get(key) as YamlScalar;
}
