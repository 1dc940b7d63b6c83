using Pax.GoogleCloud.Iam;
using Pax.GoogleCloud.Run;
using Pax.Tool.Doctor.Evidence;
using Pax.Tool.Doctor.Output;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>
/// Reads what the checks need from the live project within the time budget (<see cref="DoctorReads"/>): the
/// configuration of every resource, then — only when a caller holds no invoker role on its target or the project — the
/// project's folders and organization (<see cref="AncestryReader"/>), then what the live project shows about each
/// resource (<see cref="EvidenceReader"/>). A read that fails is recorded in <see cref="ProjectInventory.Incomplete"/> with what
/// it needs, and the other reads still run.
/// </summary>
internal sealed class InventoryReader(DoctorClients clients)
{
    private const string Global = "global";

    /// <summary>Reads the project.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="regions">The regions to read.</param>
    /// <param name="timeout">The time budget of all reads.</param>
    /// <param name="progress">Where progress goes.</param>
    /// <param name="needsAncestors">Whether the checks would report a missing grant that a folder or the organization might hold.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public async Task<ProjectInventory> ReadAsync(
        string project, IReadOnlyList<string> regions, TimeSpan timeout, DoctorProgress progress, Func<ProjectInventory, bool> needsAncestors, CancellationToken cancellationToken)
    {
        var inventory = new ProjectInventory { Project = project, Regions = regions };
        using var reads = new DoctorReads(inventory, timeout, clients.Time, progress, cancellationToken);
        await reads.TryAsync("cloudresourcemanager.googleapis.com", Global, "resourcemanager.projects.getIamPolicy", "roles/iam.securityReviewer", async ct =>
            inventory.ProjectBindings = await clients.ResourceManager.GetProjectBindingsAsync(project, ct).ConfigureAwait(false)).ConfigureAwait(false);
        await reads.TryAsync("pubsub.googleapis.com", Global, "pubsub.subscriptions.list", "roles/pubsub.viewer", async ct =>
            inventory.Subscriptions.AddRange(await clients.PubSub.ListSubscriptionsAsync(project, ct).ConfigureAwait(false))).ConfigureAwait(false);
        foreach (var region in regions)
        {
            await reads.TryAsync("cloudscheduler.googleapis.com", region, "cloudscheduler.jobs.list", "roles/cloudscheduler.viewer", async ct =>
                inventory.SchedulerJobs.AddRange(await clients.Scheduler.ListJobsAsync(project, region, ct).ConfigureAwait(false))).ConfigureAwait(false);
            await reads.TryAsync("eventarc.googleapis.com", region, "eventarc.triggers.list", "roles/eventarc.viewer", async ct =>
                inventory.Triggers.AddRange(await clients.Eventarc.ListTriggersAsync(project, region, ct).ConfigureAwait(false))).ConfigureAwait(false);
            await reads.TryAsync("cloudfunctions.googleapis.com", region, "cloudfunctions.functions.list", "roles/cloudfunctions.viewer", async ct =>
                inventory.Functions.AddRange(await clients.Functions.ListFunctionsAsync(project, region, ct).ConfigureAwait(false))).ConfigureAwait(false);
            await ReadServicesAsync(reads, project, region).ConfigureAwait(false);
            await ReadJobsAsync(reads, project, region).ConfigureAwait(false);
        }

        if (inventory.ProjectBindings is not null && needsAncestors(inventory))
        {
            await new AncestryReader(clients.Hierarchy).ReadAsync(project, reads).ConfigureAwait(false);
        }

        await new EvidenceReader(clients).ReadAsync(reads).ConfigureAwait(false);

        reads.Complete();
        return inventory;
    }

    private async Task ReadServicesAsync(DoctorReads reads, string project, string region)
    {
        IReadOnlyList<CloudRunService> services = [];
        var listed = await reads.TryAsync("run.googleapis.com", region, "run.services.list", "roles/run.viewer", async ct =>
            services = await clients.Run.ListServicesAsync(project, region, ct).ConfigureAwait(false)).ConfigureAwait(false);
        if (listed)
        {
            reads.Inventory.RegionsWithServices.Add(region);
        }

        foreach (var service in services)
        {
            IReadOnlyList<IamRoleBinding>? bindings = null;
            await reads.TryAsync("run.googleapis.com", region, $"run.services.getIamPolicy on {service.Name}", "roles/run.viewer", async ct =>
                bindings = await clients.RunIam.GetBindingsAsync(service.Name, ct).ConfigureAwait(false)).ConfigureAwait(false);
            reads.Inventory.Services.Add(new ServiceState(service, bindings));
        }
    }

    private async Task ReadJobsAsync(DoctorReads reads, string project, string region)
    {
        IReadOnlyList<string> jobs = [];
        await reads.TryAsync("run.googleapis.com", region, "run.jobs.list", "roles/run.viewer", async ct =>
            jobs = await clients.Run.ListJobsAsync(project, region, ct).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var job in jobs)
        {
            IReadOnlyList<IamRoleBinding>? bindings = null;
            await reads.TryAsync("run.googleapis.com", region, $"run.jobs.getIamPolicy on {job}", "roles/run.viewer", async ct =>
                bindings = await clients.RunIam.GetBindingsAsync(job, ct).ConfigureAwait(false)).ConfigureAwait(false);
            reads.Inventory.Jobs.Add(new JobState(job, bindings));
        }
    }
}
