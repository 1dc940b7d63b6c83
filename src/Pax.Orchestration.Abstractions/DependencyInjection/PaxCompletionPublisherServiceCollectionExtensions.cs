using Microsoft.Extensions.DependencyInjection.Extensions;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a processor's side of the completion contract: <c>services.AddPaxCompletionPublisher()</c>.</summary>
public static class PaxCompletionPublisherServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CompletionPublisher"/> (Pub/Sub, with Application Default Credentials and Google's retry rules;
    /// <c>PUBSUB_EMULATOR_HOST</c> for local runs), also as the <see cref="ICompletionPublisher"/> unless one is registered
    /// already, and <c>AddPaxGoogleCloud()</c>. <c>AddPaxCollection</c> and <c>AddPaxOrchestration</c> call it. Calling it
    /// again adds nothing twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxCompletionPublisher(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPaxGoogleCloud();
        services.TryAddTransient(sp => new CompletionPublisher(sp.GetRequiredService<PubSubPublisherClient>()));
        services.TryAddTransient<ICompletionPublisher>(sp => sp.GetRequiredService<CompletionPublisher>());
        return services;
    }
}
