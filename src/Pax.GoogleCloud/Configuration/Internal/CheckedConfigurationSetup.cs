using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Runs before the binding of <typeparamref name="TOptions"/> from a section: throws <see cref="OptionsValidationException"/>
/// naming every key the binder would drop or fail on (<see cref="ConfigurationKeyCheck"/>) and every list merged from
/// several sources (<see cref="MergedListCheck"/>, when the application's configuration root is known), so a start with
/// such a configuration stops with the key's name instead of running without it.
/// </summary>
internal sealed class CheckedConfigurationSetup<TOptions> : IConfigureNamedOptions<TOptions>
    where TOptions : class
{
    private readonly string _name;
    private readonly IConfigurationSection _section;
    private readonly ConfigurationShape _shape;
    private readonly IConfigurationRoot? _root;

    public CheckedConfigurationSetup(string name, IConfigurationSection section, ConfigurationShape shape, IConfigurationRoot? root)
    {
        _name = name;
        _section = section;
        _shape = shape;
        _root = root;
    }

    public void Configure(TOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, TOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _name, StringComparison.Ordinal))
        {
            return;
        }

        var problems = new List<string>();
        ConfigurationKeyCheck.Check(_section, _shape, problems);
        if (_root is not null)
        {
            MergedListCheck.Check(_root, _section, problems);
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(_name, typeof(TOptions), problems);
        }
    }
}
