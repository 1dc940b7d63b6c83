using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Run;

namespace Pax.GoogleCloud.Tests.Support;

/// <summary>The JSON clients from <c>AddPaxGoogleCloud</c> over a <see cref="StubHttpHandler"/>, with a chosen environment and instant retries.</summary>
internal static class StubbedClients
{
    public static ServiceProvider Create(StubHttpHandler handler, Func<string, string?>? environment = null, Action<GoogleCloudOptions>? configure = null, IGoogleAccessTokenProvider? tokens = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(tokens ?? new StaticAccessTokenProvider("access-token"));
        services.AddPaxGoogleCloud(o =>
        {
            GoogleApiProbeContext.UseInstantRetries(o);
            configure?.Invoke(o);
        });
        var registered = services.Single(d => d.ImplementationType == typeof(GoogleCloudEnvironmentOptionsSetup));
        services[services.IndexOf(registered)] = ServiceDescriptor.Singleton<IConfigureOptions<GoogleCloudOptions>>(new GoogleCloudEnvironmentOptionsSetup(environment ?? (_ => null)));
        services.AddHttpClient<FirestoreClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddHttpClient<PubSubPublisherClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddHttpClient<CloudRunJobsClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }
}
