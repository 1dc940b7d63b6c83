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
        var managed = inventory.Triggers.Select(t => t.Subscription).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var push = inventory.Subscriptions.Where(s => s.PushEndpoint is not null).ToArray();
        var eventarc = push.Where(s => managed.Contains(s.Name) || PushSubscriptionChecks.IsEventarcManaged(s)).ToArray();
        foreach (var subscription in push.Except(eventarc))
        {
            findings.AddRange(PushSubscriptionChecks.Check(subscription, inventory));
        }

        foreach (var service in inventory.Services)
        {
            findings.AddRange(PublicServiceChecks.Check(service));
        }

        var ordered = findings
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
            inventory.ProjectBindings is null ? 0 : 1);
        return new DoctorReport(inventory.Project, ordered, inventory.Incomplete, counts);
    }
}
