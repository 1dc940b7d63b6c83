using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Hosting.Internal;
using Pax.Collection.Hosting;
using Pax.Collection.Internal.Registration;
using Pax.Collection.Runs;
using Pax.Collection.Sinks.Internal;
using Pax.Collection.Sinks;
using Pax.GoogleCloud.Configuration.Internal;
using Pax.GoogleCloud;
using Pax.Orchestration.Completion;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Pax.Collection: the NYCTMC camera client, the snapshot sink chosen by <see cref="CollectionOptions.Sink"/>,
/// the <see cref="CollectionRunner"/>, the <see cref="CollectorJob"/> a Job host runs, and <see cref="CompletionPublisher"/> (Pub/Sub) as
/// its <see cref="ICompletionPublisher"/> unless another is registered (Pax.Orchestration's <c>AddPaxInProcessCompletions()</c>
/// registers the in-process one). A <c>gs://</c> sink uses the application's own <see cref="StorageClient"/>
/// when one is registered; otherwise one built with <see cref="StorageClientBuilder"/> (Application Default Credentials,
/// or the emulator named by <c>STORAGE_EMULATOR_HOST</c>, or <see cref="GoogleCloudOptions.StorageEndpoint"/>).
/// </summary>
public static class PaxCollectionServiceCollectionExtensions
{
    /// <summary>Adds Pax.Collection with options from the <c>Pax:Collection</c> configuration section, if bound elsewhere, or defaults.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPaxCollection(this IServiceCollection services) => services.AddPaxCollection(static _ => { });

    /// <summary>
    /// Adds Pax.Collection with options bound from <paramref name="section"/> (such as
    /// <c>configuration.GetSection("Pax:Collection")</c>): <see cref="CollectionOptions"/> and
    /// <see cref="CollectorJobOptions"/>; its <c>Cameras</c> child configures the NYCTMC client. A key no option binds to and a value that does not convert are refused at startup, naming the key (and the key probably meant), as is a list whose entries come from more than one configuration source.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPaxCollection(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddPaxCollection(static _ => { });
        CheckedConfiguration.Bind<CollectionOptions>(services, section, new ConfigurationShape(typeof(CollectionOptions), typeof(CollectorJobOptions))
            .WithSection("Cameras", new ConfigurationShape(typeof(NyctmcOptions))));
        services.Configure<CollectorJobOptions>(section);
        services.Configure<NyctmcOptions>(section.GetSection("Cameras"));
        return services;
    }

    /// <summary>Adds Pax.Collection with options set by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPaxCollection(this IServiceCollection services, Action<CollectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CollectionOptions>().Configure(configure).ValidateOnStartOnce();
        if (services.Any(d => d.ServiceType == typeof(CollectionRunner)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CollectionOptions>, CollectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CollectorJobOptions>, CollectorJobOptionsValidator>());
        services.AddOptions<CollectorJobOptions>().ValidateOnStartOnce();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.AddPaxGoogleCloud();
        services.AddNyctmcCameraClient();
        services.TryAddTransient<ICameraSource>(sp => sp.GetRequiredService<NyctmcCameraClient>());
        services.TryAddSingleton(sp => StorageClientFactory.Create(sp.GetRequiredService<IOptions<GoogleCloudOptions>>().Value));
        // One sink per container: its in-process guarantees (FileSystemSink's write slots) then hold across runs; the
        // create-only guarantee itself does not depend on it (see FileSystemSink).
        services.TryAddSingleton(CreateSink);
        services.AddPaxCompletionPublisher();
        services.TryAddTransient<CollectionRunner>();
        services.TryAddTransient<CollectorJob>();
        return services;
    }

    private static ISnapshotSink CreateSink(IServiceProvider services)
    {
        // The location parsed (once) for the options validator; the sink is given all of it, bucket and prefix.
        var location = services.GetRequiredService<IOptions<CollectionOptions>>().Value.SinkLocation;
        return location.Kind == SnapshotSinkKind.FileSystem
            ? new FileSystemSink(location.Path, services.GetRequiredService<TimeProvider>())
            : new GcsSnapshotSink(
                services.GetRequiredService<StorageClient>(),
                location,
                services.GetRequiredService<ILogger<GcsSnapshotSink>>(),
                services.GetRequiredService<IOptions<GoogleCloudOptions>>().Value.Retry,
                services.GetRequiredService<TimeProvider>());
    }
}
