using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>Runs every check over what was read and builds the report.</summary>
internal static class DoctorChecks
{
    public static DoctorReport Run(ProjectInventory inventory)
    {
        var findings = new List<Finding>();
        foreach (var job in inventory.SchedulerJobs)
        {
            findings.AddRange(SchedulerJobChecks.Check(job, inventory));
        }

        foreach (var trigger in inventory.Triggers)
        {
            findings.AddRange(EventarcTriggerChecks.Check(trigger, inventory));
        }

        // A trigger is reported once, on the trigger, never again on the subscription Eventarc manages for it.
        var reportedOn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trigger in inventory.Triggers.Where(t => t.Subscription is not null))
        {
            reportedOn.TryAdd(trigger.Subscription!, trigger.Name);
        }

        var push = inventory.Subscriptions.Where(s => s.PushEndpoint is not null).ToArray();
        var eventarc = push.Where(s => reportedOn.ContainsKey(s.Name) || PushSubscriptionChecks.IsEventarcManaged(s)).ToArray();
        foreach (var subscription in push.Except(eventarc))
        {
            findings.AddRange(PushSubscriptionChecks.Check(subscription, inventory));
            findings.AddRange(PushDeliveryChecks.Check(subscription, inventory));
        }

        foreach (var service in inventory.Services)
        {
            findings.AddRange(PublicServiceChecks.Check(service));
        }

        var ordered = LiveStateChecks.Apply(findings, inventory, reportedOn)
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Resource, StringComparer.Ordinal)
            .ToArray();
        var counts = new CheckedCounts(
            inventory.Regions.Count,
            inventory.SchedulerJobs.Count,
            inventory.Subscriptions.Count,
            push.Length - eventarc.Length,
            inventory.Triggers.Count,
            eventarc.Length,
            inventory.Services.Count(s => s.Bindings is not null),
            inventory.Jobs.Count(j => j.Bindings is not null),
            inventory.Functions.Count,
            inventory.ProjectBindings is null ? 0 : 1,
            inventory.Ancestors.Count(a => a.Bindings is not null),
            inventory.Evidence.Count);
        return new DoctorReport(inventory.Project, ordered, inventory.Incomplete, counts);
    }

    /// <summary>Whether a caller holds no invoker role on its target or the project: only then do the project's folders and organization matter.</summary>
    public static bool NeedsAncestors(ProjectInventory inventory) => Run(inventory).Findings.Any(f => f.Id == RuleIds.MissingInvoker);
}
