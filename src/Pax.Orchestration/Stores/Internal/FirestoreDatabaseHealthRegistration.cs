using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Stores.Internal;

/// <summary>Adds the <c>firestore</c> readiness check and its startup run once, whichever of the stores' registrations comes first.</summary>
internal static class FirestoreDatabaseHealthRegistration
{
    public static void Add(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(FirestoreDatabaseHealthCheck)))
        {
            return;
        }

        services.TryAddSingleton<FirestoreDatabaseHealthCheck>();
        services.AddHostedService(sp => new FirestoreDatabaseStartupCheck(
            sp.GetRequiredService<FirestoreDatabaseHealthCheck>(), sp.GetRequiredService<ILogger<FirestoreDatabaseStartupCheck>>(),
            sp.GetService<IHostApplicationLifetime>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<FirestoreDatabaseHealthCheck>(FirestoreDatabaseHealthCheck.Name, tags: [FirestoreDatabaseHealthCheck.ReadyTag]);
    }
}
