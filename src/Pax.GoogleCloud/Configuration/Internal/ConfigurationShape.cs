namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// What a configuration section may hold: the properties of the options types bound to it (several may share one
/// section, as <c>Pax:Collection</c> binds two) and child sections bound to other types (<c>Pax:Collection:Cameras</c>).
/// </summary>
internal sealed class ConfigurationShape
{
    private readonly Dictionary<string, ConfigurationShape> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _renamed = new(StringComparer.OrdinalIgnoreCase);

    public ConfigurationShape(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = types;
    }

    /// <summary>Gets the types whose properties are the section's keys.</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>
    /// Gets a value indicating whether the application keeps keys of its own in the section beside Pax's (<c>GoogleCloud</c>:
    /// <c>GoogleCloud:ProjectId</c>, <c>GoogleCloud:Diagnostics:…</c> in Google's samples): there a key no option binds
    /// to is refused only when it is close to one of Pax's keys (a misspelling), and otherwise reported as a warning.
    /// </summary>
    public bool AllowsOtherKeys { get; init; }

    /// <summary>Gets the child sections bound to types of their own, by key.</summary>
    public IReadOnlyDictionary<string, ConfigurationShape> Sections => _sections;

    /// <summary>Gets the keys the section used to take, relative to it (<c>Push:Audience</c>), with the key that replaced each.</summary>
    public IReadOnlyDictionary<string, string> Renamed => _renamed;

    /// <summary>
    /// Records that <paramref name="oldKey"/> (relative, such as <c>Push:Audience</c>) became <paramref name="newKey"/>: a
    /// configuration that still sets it fails naming the new key. When the new key lies under the old one (a value that
    /// became a section: <c>Authentication</c> → <c>Authentication:Mode</c>), only a value at the old key is reported.
    /// </summary>
    public ConfigurationShape WithRenamed(string oldKey, string newKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(oldKey);
        ArgumentException.ThrowIfNullOrEmpty(newKey);
        _renamed[oldKey] = newKey;
        return this;
    }

    /// <summary>Adds a child section bound to another shape.</summary>
    public ConfigurationShape WithSection(string key, ConfigurationShape shape)
    {
        _sections[key] = shape;
        return this;
    }
}
