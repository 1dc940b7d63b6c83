namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// What a configuration section may hold: the properties of the options types bound to it (several may share one
/// section, as <c>Pax:Collection</c> binds two) and child sections bound to other types (<c>Pax:Collection:Cameras</c>).
/// </summary>
internal sealed class ConfigurationShape
{
    private readonly Dictionary<string, ConfigurationShape> _sections = new(StringComparer.OrdinalIgnoreCase);

    public ConfigurationShape(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = types;
    }

    /// <summary>Gets the types whose properties are the section's keys.</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>Gets the child sections bound to types of their own, by key.</summary>
    public IReadOnlyDictionary<string, ConfigurationShape> Sections => _sections;

    /// <summary>Adds a child section bound to another shape.</summary>
    public ConfigurationShape WithSection(string key, ConfigurationShape shape)
    {
        _sections[key] = shape;
        return this;
    }
}
