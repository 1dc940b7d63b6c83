using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Cameras.Internal;
using Pax.GoogleCloud.Configuration.Internal;

namespace Pax.Collection.Internal.Registration;

/// <summary>
/// Registers <see cref="NyctmcCameraClient"/> as a typed HTTP client and its options validator (run at startup).
/// Binding <see cref="NyctmcOptions"/> to configuration is the caller's (<c>AddPaxCollection</c>) job.
/// </summary>
internal static class NyctmcClientRegistration
{
    /// <summary>How long a pooled handler (and its connections) lives before the factory rotates it.</summary>
    private static readonly TimeSpan HandlerLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Registers the NYCTMC camera client.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The typed client's builder, for further configuration. Do not add a retry or timeout handler:
    /// the client already retries and times out each attempt, including the body read (resilience handlers added to
    /// every client are removed for that reason).</returns>
    public static IHttpClientBuilder AddNyctmcCameraClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NyctmcOptions>, NyctmcOptionsValidator>());
        services.AddOptions<NyctmcOptions>().ValidateOnStartOnce();

        var builder = services.AddHttpClient<NyctmcCameraClient>((provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<NyctmcOptions>>().Value.BaseAddress;

            // Each attempt has its own timeout in the client's pipeline; HttpClient's would cut across retries.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
        {
            // The bytes stored are the bytes sent: no transparent decompression, no redirects to other hosts.
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = HandlerLifetime,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });
        builder.SetHandlerLifetime(HandlerLifetime);

        // The client retries and times out each attempt itself, body read included. A standard resilience handler added
        // to every client (ConfigureHttpClientDefaults, as Aspire's service defaults do) would retry on top of that and
        // cut long retry sequences with its total timeout. Removing it is experimental in Microsoft.Extensions.Http.Resilience 10.x.
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
