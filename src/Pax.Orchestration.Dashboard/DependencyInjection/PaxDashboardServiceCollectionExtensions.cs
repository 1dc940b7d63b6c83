using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Dashboard;
using Pax.Orchestration.Dashboard.Internal;
using Pax.Orchestration.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Pax dashboard: <c>services.AddPaxDashboard(configuration.GetSection("Pax:Dashboard"))</c>.</summary>
public static class PaxDashboardServiceCollectionExtensions
{
    // Registered by AddDataProtection (internal to ASP.NET Core): it only warms the key ring up when the host starts.
    private const string DataProtectionStartupService = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    private static readonly Dictionary<string, string> RenamedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Authentication"] = "Authentication:Mode",
        ["Audience"] = "Authentication:Audience",
        ["AllowedPrincipals"] = "Authentication:AllowedPrincipals",
    };

    /// <summary>
    /// Registers the dashboard (options at <see cref="DashboardOptions.SectionName"/>, validated at startup: on Cloud Run it
    /// refuses to start open), ASP.NET Core antiforgery for its actions (its data protection key ring loaded at first use, not
    /// while the host starts, unless the application added data protection itself), and the readers of the stores that
    /// <c>AddPaxOrchestration</c> and <c>AddPaxScheduling</c> registered (a wing that is not registered shows as absent).
    /// Map it with <c>app.MapPaxDashboard("/pax")</c>. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(DashboardEndpoints)))
        {
            return services;
        }

        services.AddLogging();
        var hadDataProtection = services.Any(d => d.ServiceType == typeof(IDataProtectionProvider));
        services.AddAntiforgery();
        if (!hadDataProtection)
        {
            // Antiforgery brought data protection in, with its hosted service that loads (or creates) the key ring while
            // the host starts: about 18 ms before the first request, for tokens only a dashboard action form needs. The
            // key ring is then loaded at its first use. An application that adds data protection itself keeps the service.
            foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == DataProtectionStartupService).ToList())
            {
                services.Remove(warmUp);
            }
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IInboundTokenValidator, GoogleInboundTokenValidator>();
        services.TryAddSingleton<InboundAuthenticator>();
        services.AddOptions<DashboardOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton<DashboardAccess>();
        services.TryAddSingleton(sp => new DashboardReader(sp, sp.GetRequiredService<IOptions<DashboardOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new JobsReader(sp, sp.GetRequiredService<IOptions<DashboardOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DashboardEndpoints>();
        services.TryAddSingleton<Pax.Orchestration.Dashboard.Internal.Search.SearchEndpoints>();
        services.TryAddSingleton(sp => new PulseReader(sp, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PulseEndpoints>();
        services.TryAddSingleton(sp => new DashboardActions(
            sp.GetRequiredService<DashboardEndpoints>(), sp.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>(), sp,
            sp.GetRequiredService<JobsReader>(), sp.GetRequiredService<IOptions<DashboardOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DashboardActions>>()));
        return services;
    }

    /// <summary>
    /// Registers the dashboard (see <see cref="AddPaxDashboard(IServiceCollection)"/>) with options bound from
    /// configuration. A key no option binds to and a value that does not convert are refused at startup, naming the key (and the key probably meant), as is a list whose entries come from more than one configuration source.
    /// The authentication keys of earlier versions are refused naming their successors: <c>Authentication</c> (a value) →
    /// <c>Authentication:Mode</c>, <c>Audience</c> → <c>Authentication:Audience</c>, <c>AllowedPrincipals</c> →
    /// <c>Authentication:AllowedPrincipals</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section to bind, conventionally <see cref="DashboardOptions.SectionName"/> (<c>Pax:Dashboard</c>).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxDashboard(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddPaxDashboard();
        services.AddOptions<DashboardOptions>().BindCheckedConfiguration(section, RenamedKeys);
        return services;
    }

    /// <summary>Registers the dashboard (see <see cref="AddPaxDashboard(IServiceCollection)"/>) and configures its options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxDashboard(this IServiceCollection services, Action<DashboardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPaxDashboard();
        services.Configure(configure);
        return services;
    }
}
