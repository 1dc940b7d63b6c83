using System.Net;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Eventarc;
using Pax.GoogleCloud.Functions;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.ResourceManager;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;
using Pax.Tool.Doctor.Findings;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>
/// Reads what the checks need from the live project. A read that fails (403, API disabled, 404 location, transport
/// error) is recorded in <see cref="ProjectInventory.Incomplete"/> with what it needs, and the other reads still run.
/// </summary>
internal sealed class InventoryReader(
    CloudSchedulerClient scheduler,
    PubSubSubscriptionsClient pubSub,
    CloudRunResourcesClient run,
    CloudRunIamClient runIam,
    ResourceManagerClient resourceManager,
    EventarcTriggersClient eventarc,
    CloudFunctionsClient functions)
{
    private const string Global = "global";

    public async Task<ProjectInventory> ReadAsync(string project, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        var inventory = new ProjectInventory { Project = project, Regions = regions };
        await TryAsync(inventory, "cloudresourcemanager.googleapis.com", Global, "resourcemanager.projects.getIamPolicy", "roles/iam.securityReviewer", async () =>
            inventory.ProjectBindings = await resourceManager.GetProjectBindingsAsync(project, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        await TryAsync(inventory, "pubsub.googleapis.com", Global, "pubsub.subscriptions.list", "roles/pubsub.viewer", async () =>
            inventory.Subscriptions.AddRange(await pubSub.ListSubscriptionsAsync(project, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        foreach (var region in regions)
        {
            await TryAsync(inventory, "cloudscheduler.googleapis.com", region, "cloudscheduler.jobs.list", "roles/cloudscheduler.viewer", async () =>
                inventory.SchedulerJobs.AddRange(await scheduler.ListJobsAsync(project, region, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            await TryAsync(inventory, "eventarc.googleapis.com", region, "eventarc.triggers.list", "roles/eventarc.viewer", async () =>
                inventory.Triggers.AddRange(await eventarc.ListTriggersAsync(project, region, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            await TryAsync(inventory, "cloudfunctions.googleapis.com", region, "cloudfunctions.functions.list", "roles/cloudfunctions.viewer", async () =>
                inventory.Functions.AddRange(await functions.ListFunctionsAsync(project, region, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            await ReadServicesAsync(inventory, project, region, cancellationToken).ConfigureAwait(false);
            await ReadJobsAsync(inventory, project, region, cancellationToken).ConfigureAwait(false);
        }

        return inventory;
    }

    private async Task ReadServicesAsync(ProjectInventory inventory, string project, string region, CancellationToken cancellationToken)
    {
        IReadOnlyList<CloudRunService> services = [];
        var listed = await TryAsync(inventory, "run.googleapis.com", region, "run.services.list", "roles/run.viewer", async () =>
            services = await run.ListServicesAsync(project, region, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (listed)
        {
            inventory.RegionsWithServices.Add(region);
        }

        foreach (var service in services)
        {
            IReadOnlyList<GoogleCloud.Iam.IamRoleBinding>? bindings = null;
            await TryAsync(inventory, "run.googleapis.com", region, $"run.services.getIamPolicy on {service.Name}", "roles/run.viewer", async () =>
                bindings = await runIam.GetBindingsAsync(service.Name, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            inventory.Services.Add(new ServiceState(service, bindings));
        }
    }

    private async Task ReadJobsAsync(ProjectInventory inventory, string project, string region, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> jobs = [];
        await TryAsync(inventory, "run.googleapis.com", region, "run.jobs.list", "roles/run.viewer", async () =>
            jobs = await run.ListJobsAsync(project, region, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var job in jobs)
        {
            IReadOnlyList<GoogleCloud.Iam.IamRoleBinding>? bindings = null;
            await TryAsync(inventory, "run.googleapis.com", region, $"run.jobs.getIamPolicy on {job}", "roles/run.viewer", async () =>
                bindings = await runIam.GetBindingsAsync(job, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            inventory.Jobs.Add(new JobState(job, bindings));
        }
    }

    private static async Task<bool> TryAsync(ProjectInventory inventory, string api, string location, string permission, string role, Func<Task> read)
    {
        try
        {
            await read().ConfigureAwait(false);
            return true;
        }
        catch (GoogleApiException ex)
        {
            inventory.Incomplete.Add(new IncompleteCheck(api, location, Explain(ex, api, location, permission, role)));
        }
        catch (HttpRequestException ex)
        {
            inventory.Incomplete.Add(new IncompleteCheck(api, location, $"{api} could not be reached ({ex.Message}); needs {permission}."));
        }
        catch (TimeoutException ex)
        {
            inventory.Incomplete.Add(new IncompleteCheck(api, location, $"{ex.Message} Needs {permission}."));
        }

        return false;
    }

    // Google's answers: 403 PERMISSION_DENIED, with reason SERVICE_DISABLED when the API is not enabled
    // (cloud.google.com/apis/design/errors#error_info; the ErrorInfo reason of a disabled API); 404 NOT_FOUND for an
    // unknown location or resource.
    private static string Explain(GoogleApiException ex, string api, string location, string permission, string role)
    {
        var code = $"HTTP {(int)ex.HttpStatus}{(ex.Status is null ? string.Empty : " " + ex.Status)}";
        if (ex.Reason == "SERVICE_DISABLED" || ex.Message.Contains("has not been used in project", StringComparison.Ordinal)
            || ex.Message.Contains("is disabled", StringComparison.Ordinal))
        {
            return $"{code}: {api} is disabled in the project; enable it (gcloud services enable {api}).";
        }

        return ex.HttpStatus switch
        {
            HttpStatusCode.Forbidden => $"{code}: needs {permission} ({role}) for the identity pax runs as.",
            HttpStatusCode.NotFound => $"{code}: '{location}' is not a location of {api}, or the resource is gone ({permission}).",
            HttpStatusCode.Unauthorized => $"{code}: the credentials were refused; run 'gcloud auth application-default login' (needs {permission}).",
            _ => $"{code}: {permission} failed: {ex.Message}",
        };
    }
}
