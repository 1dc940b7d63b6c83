using Pax.GoogleCloud.Monitoring.Internal;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Run;
using Pax.Tool.Doctor.Checks;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Evidence;

/// <summary>
/// Reads what the live project shows about the resources read, into <see cref="ProjectInventory.Evidence"/>: each
/// Scheduler job's last attempt (from the job), each Cloud Run job's latest executions (<c>run.executions.list</c>), and
/// for the push subscriptions two Cloud Monitoring reads over the last 24 hours (<c>push_request_count</c> by
/// subscription and <c>response_code</c>; <c>oldest_unacked_message_age</c> per hour) plus their dead-letter policy.
/// Without <c>monitoring.timeSeries.list</c> the push answers go to <c>incomplete</c> and the rest still runs.
/// </summary>
internal sealed class EvidenceReader(DoctorClients clients)
{
    private const string MonitoringApi = "monitoring.googleapis.com";
    private const string SubscriptionLabel = "subscription_id";
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async Task ReadAsync(DoctorReads reads)
    {
        var inventory = reads.Inventory;
        var now = clients.Time.GetUtcNow();
        foreach (var job in inventory.SchedulerJobs.Where(j => j.Uri is not null))
        {
            inventory.Evidence[job.Name] = SchedulerEvidence.From(job, now);
        }

        foreach (var job in inventory.Jobs)
        {
            IReadOnlyList<CloudRunExecution>? executions = null;
            if (await reads.TryAsync("run.googleapis.com", ResourceName.Parse(job.Name).Location, $"run.executions.list on {job.Name}", "roles/run.viewer", async ct =>
                    executions = (await clients.RunJobs.ListExecutionsAsync(job.Name, ExecutionEvidence.Latest, null, ct).ConfigureAwait(false)).Executions).ConfigureAwait(false))
            {
                inventory.Evidence[job.Name] = ExecutionEvidence.From(job.Name, executions!, now);
            }
        }

        var push = inventory.Subscriptions.Where(s => s.PushEndpoint is not null).ToArray();
        if (push.Length > 0)
        {
            await ReadPushAsync(reads, push, now).ConfigureAwait(false);
        }
    }

    private async Task ReadPushAsync(DoctorReads reads, IReadOnlyList<PubSubSubscription> push, DateTimeOffset now)
    {
        var project = reads.Inventory.Project;
        IReadOnlyList<MonitoringTimeSeries>? requests = null;
        IReadOnlyList<MonitoringTimeSeries>? backlog = null;
        var needs = $"monitoring.timeSeries.list (the push answers and backlog of {push.Count} push subscription(s))";
        if (await reads.TryAsync(MonitoringApi, "global", needs, "roles/monitoring.viewer", async ct =>
                requests = await clients.Monitoring.ListTimeSeriesAsync(Query(project, "push_request_count", now, Window, "ALIGN_SUM", "REDUCE_SUM", "metric.label.response_code"), ct).ConfigureAwait(false)).ConfigureAwait(false))
        {
            await reads.TryAsync(MonitoringApi, "global", needs, "roles/monitoring.viewer", async ct =>
                backlog = await clients.Monitoring.ListTimeSeriesAsync(Query(project, "oldest_unacked_message_age", now, TimeSpan.FromHours(1), "ALIGN_MAX", "REDUCE_MAX"), ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        foreach (var subscription in push)
        {
            var id = ResourceName.Parse(subscription.Name).Id;
            var responses = requests?.Where(s => s.ResourceLabels.GetValueOrDefault(SubscriptionLabel) == id)
                .GroupBy(s => s.MetricLabels.GetValueOrDefault("response_code") ?? "unknown", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => MonitoringValues.Total(g.SelectMany(s => s.Points).Select(p => p.Value)), StringComparer.Ordinal);
            var age = backlog is null ? null : backlog.FirstOrDefault(s => s.ResourceLabels.GetValueOrDefault(SubscriptionLabel) == id)?.Points ?? [];
            var service = TargetResolver.Resolve(subscription.PushEndpoint!, reads.Inventory).Service?.Service.Name;
            reads.Inventory.Evidence[subscription.Name] = PushEvidence.From(subscription, responses, age, service);
        }
    }

    // One project-wide read per metric, reduced to one series per subscription (and response code): two reads in all,
    // however many push subscriptions there are.
    private static MonitoringQuery Query(string project, string metric, DateTimeOffset now, TimeSpan alignment, string aligner, string reducer, params string[] groupBy) => new(
        project,
        $"metric.type = \"pubsub.googleapis.com/subscription/{metric}\" AND resource.type = \"pubsub_subscription\"",
        now - Window,
        now,
        alignment,
        aligner,
        reducer,
        ["resource.label.subscription_id", .. groupBy]);
}
