using Pax.GoogleCloud.Eventarc;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX002 on Eventarc triggers whose destination is a Cloud Run service: the trigger's <c>serviceAccount</c> is the
/// identity whose ID token Eventarc sends through the push subscription it creates, and it needs <c>run.routes.invoke</c>
/// on the service ("The trigger's SA needs roles/run.invoker", FACTS.md 5.5;
/// cloud.google.com/eventarc/docs/reference/rest/v1/projects.locations.triggers#Trigger: <c>serviceAccount</c>). A trigger without <c>serviceAccount</c> runs as the Compute Engine default service account,
/// whose email needs the project number: not evaluated.
/// </summary>
internal static class EventarcTriggerChecks
{
    public static IEnumerable<Finding> Check(EventarcTrigger trigger, ProjectInventory inventory)
    {
        if (trigger.ServiceAccount is not { } account || trigger.CloudRunService is not { } serviceName
            || inventory.Services.FirstOrDefault(s => s.Service.Name == serviceName) is not { } service)
        {
            yield break;
        }

        var url = service.Service.Urls.FirstOrDefault() ?? new Uri("https://" + serviceName.Split('/')[^1] + ".run.app/");
        var target = new ResolvedTarget(TargetKind.CloudRunService, url, Service: service);
        if (InvokerCheck.Check(trigger.Name, $"serviceAccount:{account}", target, inventory) is { } missing)
        {
            yield return missing;
        }
    }
}
