using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Cameras.Internal;

namespace Pax.Collection.Internal;

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
    /// the client already retries and times out each attempt, including the body read.</returns>
    public static IHttpClientBuilder AddNyctmcCameraClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NyctmcOptions>, NyctmcOptionsValidator>());
        services.AddOptions<NyctmcOptions>().ValidateOnStart();

        return services
            .AddHttpClient<NyctmcCameraClient>((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<NyctmcOptions>>().Value.BaseAddress;

                // Each attempt has its own timeout in the client's pipeline; HttpClient's would cut across retries.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // The bytes stored are the bytes sent: no transparent decompression, no redirects to other hosts.
                AutomaticDecompression = DecompressionMethods.None,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = HandlerLifetime,
                ConnectTimeout = TimeSpan.FromSeconds(15),
            })
            .SetHandlerLifetime(HandlerLifetime);
    }
}
