using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// How the Pax packages bind a section (<c>AddPax…(section)</c>): the check (<see cref="CheckedConfigurationSetup{TOptions}"/>)
/// first, then <c>Configure&lt;TOptions&gt;(section)</c>; the application's configuration root, when registered as
/// <see cref="IConfiguration"/> (ASP.NET Core and the generic host do), lets the check see where each list entry came from;
/// warnings (keys the application keeps beside Pax's) go to the logger category <c>Pax.Configuration</c>.
/// </summary>
internal static class CheckedConfiguration
{
    public static IServiceCollection Bind<TOptions>(IServiceCollection services, IConfigurationSection section, ConfigurationShape? shape = null, string? name = null)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var checkedShape = shape ?? new ConfigurationShape(typeof(TOptions));
        var optionsName = name ?? Options.DefaultName;
        services.AddSingleton<IConfigureOptions<TOptions>>(sp => new CheckedConfigurationSetup<TOptions>(
            optionsName, section, checkedShape, sp.GetService<IConfiguration>() as IConfigurationRoot, sp.GetService<ILoggerFactory>()?.CreateLogger("Pax.Configuration")));
        services.Configure<TOptions>(optionsName, section);
        return services;
    }
}
