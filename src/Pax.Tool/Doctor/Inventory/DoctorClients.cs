using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Eventarc;
using Pax.GoogleCloud.Functions;
using Pax.GoogleCloud.Monitoring.Internal;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.ResourceManager;
using Pax.GoogleCloud.ResourceManager.Internal;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>The Pax.GoogleCloud clients <c>pax doctor</c> reads (and, with <c>--fix</c>, writes) through, and its clock.</summary>
internal sealed record DoctorClients(
    CloudSchedulerClient Scheduler,
    PubSubSubscriptionsClient PubSub,
    CloudRunResourcesClient Run,
    CloudRunIamClient RunIam,
    CloudRunJobsClient RunJobs,
    ResourceManagerClient ResourceManager,
    ResourceHierarchyClient Hierarchy,
    EventarcTriggersClient Eventarc,
    CloudFunctionsClient Functions,
    CloudMonitoringClient Monitoring,
    TimeProvider Time)
{
    public static DoctorClients From(IServiceProvider provider) => new(
        provider.GetRequiredService<CloudSchedulerClient>(),
        provider.GetRequiredService<PubSubSubscriptionsClient>(),
        provider.GetRequiredService<CloudRunResourcesClient>(),
        provider.GetRequiredService<CloudRunIamClient>(),
        provider.GetRequiredService<CloudRunJobsClient>(),
        provider.GetRequiredService<ResourceManagerClient>(),
        provider.GetRequiredService<ResourceHierarchyClient>(),
        provider.GetRequiredService<EventarcTriggersClient>(),
        provider.GetRequiredService<CloudFunctionsClient>(),
        provider.GetRequiredService<CloudMonitoringClient>(),
        provider.GetRequiredService<TimeProvider>());
}
