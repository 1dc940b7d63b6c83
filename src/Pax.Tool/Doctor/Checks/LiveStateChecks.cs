using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// Puts what the live project showed beside the findings, and reports PAX102 (warning) for a resource whose
/// configuration has no finding but whose live state shows failure: a Scheduler job whose last attempt failed, a push
/// subscription whose endpoint answered with errors or whose backlog grows, a Cloud Run job whose latest finished
/// execution failed. That is the resource nobody can explain from its configuration, so the evidence is the finding.
/// </summary>
internal static class LiveStateChecks
{
    /// <summary>Adds each resource's evidence to the findings about it, and a PAX102 finding for each failing resource without one.</summary>
    /// <param name="findings">The configuration findings.</param>
    /// <param name="inventory">What was read, evidence included.</param>
    /// <param name="reportedOn">Where a resource's findings are reported when not on itself (an Eventarc-managed subscription: on its trigger).</param>
    public static IEnumerable<Finding> Apply(IReadOnlyList<Finding> findings, ProjectInventory inventory, IReadOnlyDictionary<string, string> reportedOn)
    {
        var evidence = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var failing = new List<(string Resource, LiveEvidence Evidence)>();
        foreach (var (name, live) in inventory.Evidence)
        {
            var resource = reportedOn.GetValueOrDefault(name, name);
            (evidence.TryGetValue(resource, out var lines) ? lines : evidence[resource] = []).AddRange(live.Lines);
            if (live.Failure is not null)
            {
                failing.Add((resource, live));
            }
        }

        // A finding carries the evidence of its own resource and of what it calls (a Cloud Run job's executions).
        var result = findings.Select(f => f with
        {
            Evidence = [.. evidence.GetValueOrDefault(f.Resource) ?? [], .. f.Target != f.Resource ? evidence.GetValueOrDefault(f.Target) ?? [] : []],
        }).ToList();
        foreach (var (resource, live) in failing)
        {
            if (result.Any(f => f.Resource == resource || f.Target == resource))
            {
                continue; // its configuration finding explains it, and now carries the evidence.
            }

            result.Add(new Finding(RuleIds.FailingInLiveProject, FindingSeverity.Warning, resource, TargetOf(live.Resource, inventory), null,
                $"Its configuration looks right to pax doctor, but the live project shows it failing: {live.Failure}.",
                live.Fix)
            {
                Evidence = evidence[resource],
            });
        }

        return result;
    }

    private static string TargetOf(string resource, ProjectInventory inventory)
    {
        if (inventory.SchedulerJobs.FirstOrDefault(j => j.Name == resource)?.Uri is { } uri)
        {
            return TargetResolver.Resolve(uri, inventory).Name;
        }

        return inventory.Subscriptions.FirstOrDefault(s => s.Name == resource)?.PushEndpoint is { } endpoint
            ? TargetResolver.Resolve(endpoint, inventory).Name
            : resource;
    }
}
