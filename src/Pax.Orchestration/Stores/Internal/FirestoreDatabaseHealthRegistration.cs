using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddHostedService<FirestoreDatabaseStartupCheck>();
        services.AddHealthChecks().AddCheck<FirestoreDatabaseHealthCheck>(FirestoreDatabaseHealthCheck.Name, tags: [FirestoreDatabaseHealthCheck.ReadyTag]);
    }
}
