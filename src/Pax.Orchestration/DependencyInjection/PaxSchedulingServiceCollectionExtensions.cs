using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Configuration.Internal;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Scheduling.Handlers.Internal;
using Pax.Orchestration.Scheduling.Handlers;
using Pax.Orchestration.Scheduling.Hosting.Internal;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Pulse;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the tick scheduler.</summary>
public static class PaxSchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SchedulingOptions"/> (validated at startup), Pax's Google Cloud clients, the
    /// <see cref="IScheduledJobStore"/> chosen by <see cref="SchedulingOptions.Store"/> (SQLite by default, Firestore
    /// when configured or when <c>FIRESTORE_EMULATOR_HOST</c> is set) unless one is registered already,
    /// <see cref="JobScheduler"/>, the endpoints behind <c>MapPaxScheduling</c> and the built-in job types <c>http</c>
    /// (<see cref="HttpJobHandler"/>) and <c>pubsub</c> (<see cref="PubSubJobHandler"/>). Add your own types with
    /// <see cref="AddScheduledJobHandler{THandler}"/>, and the readiness health check <c>firestore</c> (tag <c>ready</c>,
    /// shared with <c>AddPaxOrchestration</c>) that fails when the Firestore store's database is missing; map the endpoints with <c>app.MapPaxScheduling()</c>.
    /// Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxScheduling(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(JobScheduler)))
        {
            return services;
        }

        services.AddPaxGoogleCloud();
        services.AddMetrics();
        services.AddLogging();
        HttpJobConnector.AddHttpJobClient(services);
        services.AddOptions<SchedulingOptions>().ValidateOnStartOnce();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SchedulingOptions>, SchedulingEnvironmentOptionsSetup>());
        services.TryAddSingleton(ProcessEnvironment.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());
        services.TryAddSingleton<IInboundTokenValidator, GoogleInboundTokenValidator>();
        services.TryAddSingleton<InboundAuthenticator>();
        services.TryAddSingleton(CreateStore);
        PulseRegistration.AddSchedulerPulse(services);
        FirestoreDatabaseHealthRegistration.Add(services);
        services.AddSingleton<JobScheduler>();
        services.TryAddSingleton<SchedulingEndpoints>();
        // Built-ins only where the application registered nothing for the type (before or after this call).
        services.TryAddKeyedTransient<IScheduledJobHandler, HttpJobHandler>(HttpJobHandler.JobType);
        services.TryAddKeyedTransient<IScheduledJobHandler>(PubSubJobHandler.JobType, (sp, _) => new PubSubJobHandler(sp.GetRequiredService<PubSubPublisherClient>()));
        services.AddSingleton(new ScheduledJobHandlerRegistration(HttpJobHandler.JobType));
        services.AddSingleton(new ScheduledJobHandlerRegistration(PubSubJobHandler.JobType));
        return services;
    }

    /// <summary>
    /// Registers the tick scheduler (see <see cref="AddPaxScheduling(IServiceCollection)"/>) with options bound from
    /// configuration. A key no option binds to and a value that does not convert are refused at startup, naming the key (and the key probably meant), as is a list whose entries come from more than one configuration source.
    /// The authentication keys of earlier versions are refused naming their successors: <c>Authentication</c> (a value) →
    /// <c>Authentication:Mode</c>, <c>Audience</c> → <c>Authentication:Audience</c>, <c>AllowedServiceAccounts</c> →
    /// <c>Authentication:AllowedPrincipals</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section to bind, conventionally <see cref="SchedulingOptions.SectionName"/> (<c>Pax:Scheduling</c>).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxScheduling(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddPaxScheduling();
        CheckedConfiguration.Bind<SchedulingOptions>(services, section, new ConfigurationShape(typeof(SchedulingOptions))
            .WithRenamed("Authentication", "Authentication:Mode")
            .WithRenamed("Audience", "Authentication:Audience")
            .WithRenamed("AllowedServiceAccounts", "Authentication:AllowedPrincipals"));
        return services;
    }

    /// <summary>Registers the tick scheduler (see <see cref="AddPaxScheduling(IServiceCollection)"/>) and configures its options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxScheduling(this IServiceCollection services, Action<SchedulingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPaxScheduling();
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> (transient, resolved for each run) as the handler of
    /// <paramref name="type"/>; a later registration of the same type replaces an earlier one (so an application may
    /// replace <c>http</c> or <c>pubsub</c>).
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="type">The job type: 1–100 of lowercase letters, digits, '.', '_' and '-'.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a valid type name.</exception>
    public static IServiceCollection AddScheduledJobHandler<THandler>(this IServiceCollection services, string type)
        where THandler : class, IScheduledJobHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(type);
        if (type.Length is 0 or > 100 || !type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException($"'{type}' is not a job type name: 1–100 of lowercase letters, digits, '.', '_' and '-'.", nameof(type));
        }

        services.AddKeyedTransient<IScheduledJobHandler, THandler>(type);
        services.AddSingleton(new ScheduledJobHandlerRegistration(type));
        return services;
    }

    private static IScheduledJobStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SchedulingOptions>>();
        return StoreKinds.Resolve(options.Value.Store, services) == OrchestrationStoreKind.Firestore
            ? new FirestoreScheduledJobStore(services.GetRequiredService<FirestoreClient>(), options, services.GetService<Microsoft.Extensions.Logging.ILogger<FirestoreScheduledJobStore>>(), services.GetRequiredService<TimeProvider>())
            : new SqliteScheduledJobStore(options);
    }
}
