namespace Pax.Analyzers.Yaml;

/// <summary>One <c>key: value</c> of a <see cref="YamlMapping"/>.</summary>
internal sealed class YamlEntry
{
    /// <summary>Creates an entry.</summary>
    public YamlEntry(YamlScalar key, YamlNode? value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key.</summary>
    public YamlScalar Key { get; }

    /// <summary>The value; <see langword="null"/> when empty.</summary>
    public YamlNode? Value { get; }
}
