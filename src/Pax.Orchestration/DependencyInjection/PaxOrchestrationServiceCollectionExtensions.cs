using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Configuration.Internal;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion.Hosting.Internal;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Completion.Triggers.Internal;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Watchdog.Internal;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Deployment;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Stores.Internal;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Pulse;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Pax.Orchestration.</summary>
public static class PaxOrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OrchestrationOptions"/> (validated at startup), Pax's Google Cloud clients
    /// (<c>AddPaxGoogleCloud</c>), the <see cref="ICompletionStore"/> chosen by <see cref="OrchestrationOptions.Store"/>
    /// (SQLite by default, Firestore when configured or when <c>FIRESTORE_EMULATOR_HOST</c> is set) unless one is
    /// registered already, <see cref="CompletionTally"/>, <see cref="PhaseStatusReader"/> (the read API of the phases' state), the push intake behind <c>MapPaxOrchestration</c>, <see cref="CompletionWatchdog"/>,
    /// <see cref="InboundAuthenticator"/> with <see cref="GoogleInboundTokenValidator"/> as <see cref="IInboundTokenValidator"/> unless one is registered,
    /// <see cref="CompletionPublisher"/> for processors (also as <see cref="ICompletionPublisher"/> unless one is registered; <c>AddPaxInProcessCompletions</c> swaps in the in-process one), <see cref="CronTickDeployer"/> for deployment tools, metrics, and
    /// the readiness health check <c>firestore</c> (tag <c>ready</c>; run once at startup too) that fails, naming the
    /// database, when the Firestore store's project has no <c>(default)</c> database, and a startup step that logs the
    /// effective configuration in one entry (event 4019) and records each scheduled phase's first deployment.
    /// Map the endpoints with <c>app.MapPaxOrchestration()</c>. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxOrchestration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PhaseTriggerSet)))
        {
            return services;
        }

        services.AddPaxGoogleCloud();
        services.AddMetrics();
        services.AddLogging();
        services.AddHttpClient(HttpEndpointTrigger.HttpClientName);
        services.AddOptions<OrchestrationOptions>().ValidateOnStartOnce();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OrchestrationOptions>, OrchestrationEnvironmentOptionsSetup>());
        services.TryAddSingleton(ProcessEnvironment.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrchestrationOptions>, OrchestrationOptionsValidator>());
        services.TryAddSingleton<IInboundTokenValidator, GoogleInboundTokenValidator>();
        services.TryAddSingleton<InboundAuthenticator>();
        services.TryAddSingleton<OrchestrationMetrics>();
        services.AddPaxCompletionPublisher();
        services.TryAddTransient<CronTickDeployer>();
        services.TryAddSingleton(sp => new PhaseTriggerSet(sp));
        services.TryAddSingleton(CreateStore);
        PulseRegistration.AddPhasePulse(services);
        FirestoreDatabaseHealthRegistration.Add(services);
        services.AddHostedService(sp => new OrchestrationStartup(
            sp.GetRequiredService<IOptions<OrchestrationOptions>>(), StoreKinds.Resolve(sp.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Store, sp),
            sp.GetRequiredService<PhaseDeployments>, sp.GetRequiredService<ILogger<OrchestrationStartup>>(), sp.GetService<IHostApplicationLifetime>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ICompletionStore>));
        services.TryAddSingleton(sp => new CompletionTally(
            sp.GetRequiredService<ICompletionStore>(), sp.GetRequiredService<IOptions<OrchestrationOptions>>(), sp.GetRequiredService<PhaseTriggerSet>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CompletionTally>>(), sp.GetRequiredService<OrchestrationMetrics>(),
            sp.GetKeyedService<PulseRecorder>(PulseScopes.PhasesKey)));
        services.TryAddSingleton(sp => new CompletionDeliveryHandler(
            sp.GetRequiredService<CompletionTally>(), sp.GetRequiredService<ICompletionStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CompletionIntake>>(), sp.GetRequiredService<OrchestrationMetrics>(), sp.GetKeyedService<PulseRecorder>(PulseScopes.PhasesKey)));
        services.TryAddSingleton(sp => new CompletionIntake(
            sp.GetRequiredService<CompletionDeliveryHandler>(), sp.GetRequiredService<InboundAuthenticator>(),
            sp.GetRequiredService<IOptions<OrchestrationOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CompletionIntake>>(), sp.GetRequiredService<OrchestrationMetrics>()));
        services.TryAddSingleton(sp => new OperatorEndpoints(
            sp.GetRequiredService<CompletionTally>(), sp.GetRequiredService<CompletionWatchdog>(), sp.GetRequiredService<InboundAuthenticator>(),
            sp.GetRequiredService<IOptions<OrchestrationOptions>>(), sp.GetRequiredService<ILogger<OperatorEndpoints>>()));
        services.TryAddSingleton(sp =>
        {
            var store = sp.GetRequiredService<ICompletionStore>();
            return new PhaseDeployments(store, sp.GetService<ICompletionStoreQueries>() ?? store as ICompletionStoreQueries, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(sp => new PhaseStatusReader(sp.GetRequiredService<IOptions<OrchestrationOptions>>(), sp.GetRequiredService<PhaseDeployments>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CompletionWatchdog(
            sp.GetRequiredService<ICompletionStore>(), sp.GetRequiredService<CompletionTally>(), sp.GetRequiredService<PhaseDeployments>(), sp.GetRequiredService<IOptions<OrchestrationOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CompletionWatchdog>>(), sp.GetRequiredService<OrchestrationMetrics>(),
            new RetentionSweep(sp, sp.GetRequiredService<ICompletionStore>(), sp.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Retention, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CompletionWatchdog>>())));
        return services;
    }

    /// <summary>
    /// Registers Pax.Orchestration (see <see cref="AddPaxOrchestration(IServiceCollection)"/>) with options bound from
    /// configuration. A key no option binds to and a value that does not convert are refused at startup, naming the key (and the key probably meant), as is a list whose entries come from more than one configuration source.
    /// The push authentication keys of earlier versions are refused naming their successors: <c>Push:Authentication</c> →
    /// <c>Authentication:Mode</c>, <c>Push:Audience</c> → <c>Authentication:Audience</c>, <c>Push:AllowedServiceAccounts</c> →
    /// <c>Authentication:AllowedPrincipals</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section to bind, conventionally <see cref="OrchestrationOptions.SectionName"/> (<c>Pax:Orchestration</c>).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxOrchestration(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddPaxOrchestration();
        CheckedConfiguration.Bind<OrchestrationOptions>(services, section, new ConfigurationShape(typeof(OrchestrationOptions))
            .WithRenamed("Push:Authentication", "Authentication:Mode")
            .WithRenamed("Push:Audience", "Authentication:Audience")
            .WithRenamed("Push:AllowedServiceAccounts", "Authentication:AllowedPrincipals"));
        return services;
    }

    /// <summary>Registers Pax.Orchestration (see <see cref="AddPaxOrchestration(IServiceCollection)"/>) and configures its options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxOrchestration(this IServiceCollection services, Action<OrchestrationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPaxOrchestration();
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> (a singleton) as the next-phase handler named <paramref name="name"/>, which a
    /// phase starts through an <see cref="InProcessPhaseTrigger"/> when its trigger is <c>Pax:Orchestration:Phases:N:Trigger:Handler</c>
    /// = <paramref name="name"/> — the in-process counterpart of <c>Trigger:Topic</c>, <c>:Job</c> and <c>:Url</c> for
    /// local development and tests. A later registration of the same name replaces an earlier one. A <c>Trigger:Handler</c>
    /// naming no registered handler fails validation at startup.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The handler's name: 1–100 letters, digits, '_' or '-'.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    public static IServiceCollection AddNextPhaseHandler<THandler>(this IServiceCollection services, string name)
        where THandler : class, INextPhaseHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        if (CompletionNames.ValidatePhase(name) is not null)
        {
            throw new ArgumentException($"'{name}' is not a next-phase handler name: 1-100 letters, digits, '_' or '-'.", nameof(name));
        }

        services.AddKeyedSingleton<INextPhaseHandler, THandler>(name);
        services.AddSingleton(new NextPhaseHandlerRegistration(name));
        return services;
    }

    private static ICompletionStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<OrchestrationOptions>>();
        return StoreKinds.Resolve(options.Value.Store, services) == OrchestrationStoreKind.Firestore
            ? new FirestoreCompletionStore(services.GetRequiredService<FirestoreClient>(), options, services.GetRequiredService<TimeProvider>())
            : new SqliteCompletionStore(options);
    }
}
