using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Configuration.Internal;
using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Eventarc;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Functions;
using Pax.GoogleCloud.Http.Internal;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Monitoring.Internal;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.ResourceManager;
using Pax.GoogleCloud.ResourceManager.Internal;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Pax's Google Cloud services: options, credentials, <see cref="GoogleCloudDeployer"/> and the REST clients Pax's packages use.</summary>
public static class PaxGoogleCloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GoogleCloudOptions"/> (validated at startup; <c>STORAGE_EMULATOR_HOST</c>,
    /// <c>FIRESTORE_EMULATOR_HOST</c> and <c>PUBSUB_EMULATOR_HOST</c> read into the emulator hosts, <c>CLOUDSDK_API_ENDPOINT_OVERRIDES_&lt;API&gt;</c> into the
    /// endpoints: see <see cref="GoogleApiEndpointOverrides"/>),
    /// <see cref="IGoogleAccessTokenProvider"/> as <see cref="ApplicationDefaultAccessTokenProvider"/> and
    /// <see cref="IGoogleIdTokenProvider"/> as <see cref="ApplicationDefaultIdTokenProvider"/> unless registered already,
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered, <see cref="GoogleCloudDeployer"/>,
    /// and the REST clients Pax's packages use internally (Firestore, Pub/Sub, Cloud Run, Cloud Scheduler and the reads of
    /// <c>pax doctor</c>) behind the bearer-token and Google-retry handlers. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxGoogleCloud(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(GoogleCloudServicesMarker)))
        {
            return services;
        }

        services.AddSingleton<GoogleCloudServicesMarker>();
        services.AddOptions<GoogleCloudOptions>().ValidateOnStartOnce();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GoogleCloudOptions>, GoogleCloudEnvironmentOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleCloudOptions>, GoogleCloudOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGoogleAccessTokenProvider, ApplicationDefaultAccessTokenProvider>();
        services.TryAddTransient<GoogleAuthorizationHandler>();
        services.TryAddTransient<ResponseBufferingHandler>();
        services.TryAddSingleton<IGoogleIdTokenProvider, ApplicationDefaultIdTokenProvider>();
        services.AddHttpClient<FirestoreClient>().AddGoogleApiHandlers();
        services.AddHttpClient<PubSubPublisherClient>().AddGoogleApiHandlers();
        services.AddHttpClient<CloudRunJobsClient>().AddGoogleApiHandlers();
        services.AddHttpClient<CloudRunIamClient>().AddGoogleApiHandlers();
        services.AddHttpClient<CloudSchedulerClient>().AddGoogleApiHandlers();
        services.AddHttpClient<CloudRunResourcesClient>().AddGoogleApiHandlers();
        services.AddHttpClient<PubSubSubscriptionsClient>().AddGoogleApiHandlers();
        services.AddHttpClient<ResourceManagerClient>().AddGoogleApiHandlers();
        services.AddHttpClient<EventarcTriggersClient>().AddGoogleApiHandlers();
        services.AddHttpClient<CloudFunctionsClient>().AddGoogleApiHandlers();
        services.TryAddTransient(sp => new GoogleCloudDeployer(sp.GetRequiredService<CloudSchedulerClient>(), sp.GetRequiredService<CloudRunIamClient>()));

        // Internal readers of pax doctor (a project's ancestors and their policies; Cloud Monitoring time series).
        services.AddHttpClient<ResourceHierarchyClient>().AddGoogleApiHandlers();
        services.AddHttpClient<CloudMonitoringClient>().AddGoogleApiHandlers();
        return services;
    }

    /// <summary>Registers Pax's Google Cloud clients (see <see cref="AddPaxGoogleCloud(IServiceCollection)"/>) and configures their options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; runs after <c>STORAGE_EMULATOR_HOST</c> is read, so it can override it.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxGoogleCloud(this IServiceCollection services, Action<GoogleCloudOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPaxGoogleCloud();
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers Pax's Google Cloud clients (see <see cref="AddPaxGoogleCloud(IServiceCollection)"/>) with options bound
    /// from configuration. A value that does not convert is refused at startup, naming the key, as is a key close to one
    /// of Pax's (<c>GoogleCloud:Retry:MaxRetryAttemps</c>, naming the key probably meant). Other keys of the section
    /// (<c>GoogleCloud:ProjectId</c>, <c>GoogleCloud:Diagnostics:…</c>) are the application's: they are logged as a
    /// warning (logger <c>Pax.Configuration</c>) and left alone.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section to bind, conventionally <see cref="GoogleCloudOptions.SectionName"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxGoogleCloud(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddPaxGoogleCloud();
        CheckedConfiguration.Bind<GoogleCloudOptions>(services, section, new ConfigurationShape(typeof(GoogleCloudOptions)) { AllowsOtherKeys = true });
        return services;
    }
}
