using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting;
using Pax.Orchestration.Completion.Hosting.Internal;
using Pax.Orchestration.Completion.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-process completion transport.</summary>
public static class PaxInProcessCompletionsServiceCollectionExtensions
{
    /// <summary>
    /// Carries completions inside this process instead of over Pub/Sub, for local development and tests: registers
    /// Pax.Orchestration (<c>AddPaxOrchestration</c>, options as configured elsewhere) and
    /// <see cref="InProcessCompletionPublisher"/> as the <see cref="ICompletionPublisher"/>, replacing the Pub/Sub
    /// <see cref="CompletionPublisher"/> whether <c>AddPaxCollection</c> or <c>AddPaxOrchestration</c> is called before
    /// or after. A processor resolved from this container (the collector's <c>CollectionRunner</c>) then reports to this
    /// process's intake, which parses, validates and tallies the message as it would a push. Pair it with next-phase
    /// handlers (<c>AddNextPhaseHandler</c>, <c>Trigger:Handler</c>) and nothing leaves the process. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPaxInProcessCompletions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPaxOrchestration();
        services.TryAddSingleton(sp => new InProcessCompletionPublisher(
            sp.GetRequiredService<CompletionDeliveryHandler>(), sp.GetRequiredService<IOptions<OrchestrationOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CompletionIntake>>(), sp.GetRequiredService<OrchestrationMetrics>()));

        // Replace, not TryAdd: AddPaxCollection registers the Pub/Sub publisher with TryAdd, before or after this call.
        services.RemoveAll<ICompletionPublisher>();
        services.AddSingleton<ICompletionPublisher>(sp => sp.GetRequiredService<InProcessCompletionPublisher>());
        return services;
    }
}
