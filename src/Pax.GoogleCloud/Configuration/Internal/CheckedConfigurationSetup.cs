using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Runs before the binding of <typeparamref name="TOptions"/> from a section: throws <see cref="OptionsValidationException"/>
/// naming every key the binder would drop or fail on (<see cref="ConfigurationKeyCheck"/>) and every list merged from
/// several sources (<see cref="MergedListCheck"/>, when the application's configuration root is known), so a start with
/// such a configuration stops with the key's name instead of running without it. Keys the application keeps in a
/// section it shares with Pax (<see cref="ConfigurationShape.AllowsOtherKeys"/>) are logged as a warning instead.
/// </summary>
internal sealed class CheckedConfigurationSetup<TOptions> : IConfigureNamedOptions<TOptions>
    where TOptions : class
{
    private readonly string _name;
    private readonly IConfigurationSection _section;
    private readonly ConfigurationShape _shape;
    private static readonly Action<ILogger, string, Exception?> LogOtherKey =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(3, "ConfigurationKeyNotPax"), "{Key}");

    private readonly IConfigurationRoot? _root;
    private readonly ILogger? _logger;

    public CheckedConfigurationSetup(string name, IConfigurationSection section, ConfigurationShape shape, IConfigurationRoot? root, ILogger? logger = null)
    {
        _name = name;
        _section = section;
        _shape = shape;
        _root = root;
        _logger = logger;
    }

    public void Configure(TOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, TOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _name, StringComparison.Ordinal))
        {
            return;
        }

        var problems = new List<string>();
        var warnings = new List<string>();
        ConfigurationKeyCheck.Check(_section, _shape, problems, warnings);
        if (_logger is not null)
        {
            foreach (var warning in warnings)
            {
                LogOtherKey(_logger, warning, null);
            }
        }

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
