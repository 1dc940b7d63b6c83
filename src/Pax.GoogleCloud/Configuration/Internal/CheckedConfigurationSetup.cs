using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Runs before the binding of <typeparamref name="TOptions"/> from a section: throws <see cref="OptionsValidationException"/>
/// naming every key the binder would drop or fail on (<see cref="ConfigurationKeyCheck"/>) and every list merged from
/// several sources (<see cref="MergedListCheck"/>, when the application's configuration root is known), so a start with
/// such a configuration stops with the key's name instead of running without it.
/// </summary>
internal sealed class CheckedConfigurationSetup<TOptions> : IConfigureOptions<TOptions>
    where TOptions : class
{
    private readonly IConfigurationSection _section;
    private readonly ConfigurationShape _shape;
    private readonly IConfigurationRoot? _root;

    public CheckedConfigurationSetup(IConfigurationSection section, ConfigurationShape shape, IConfigurationRoot? root)
    {
        _section = section;
        _shape = shape;
        _root = root;
    }

    public void Configure(TOptions options)
    {
        var problems = new List<string>();
        ConfigurationKeyCheck.Check(_section, _shape, problems);
        if (_root is not null)
        {
            MergedListCheck.Check(_root, _section, problems);
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), problems);
        }
    }
}
