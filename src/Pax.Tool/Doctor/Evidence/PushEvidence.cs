using Pax.GoogleCloud.Monitoring.Internal;
using Pax.GoogleCloud.PubSub;
using Pax.Tool.Doctor.Checks;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Evidence;

/// <summary>
/// A push subscription in the live project: Cloud Monitoring's <c>pubsub.googleapis.com/subscription/push_request_count</c>
/// (DELTA, INT64: push attempts by <c>response_code</c>, <c>success</c> for an acknowledged push) and
/// <c>subscription/oldest_unacked_message_age</c> (GAUGE, INT64 seconds) over the last 24 hours
/// (cloud.google.com/monitoring/api/metrics_gcp#gcp-pubsub), and its dead-letter policy. It fails when its endpoint
/// refused pushes in earnest — at least <see cref="MinimumRefused"/> answers other than <c>success</c> that are more
/// than <see cref="MaximumRefusedShare"/> of all — or when its oldest unacknowledged message has grown past
/// <see cref="BacklogFailureAge"/>, longer than Pub/Sub's longest retry backoff (600 s, retryPolicy.maximumBackoff), so
/// that message has been refused again and again. A few refusals are how a healthy endpoint says "later": a Pax
/// orchestrator answers 503 (a nack) on purpose while its store is briefly unavailable, and Pub/Sub redelivers.
/// </summary>
internal static class PushEvidence
{
    /// <summary>The fewest refused pushes in 24 hours that count as failing (a refused message is retried many times a day, so a real outage passes it within the hour).</summary>
    public const long MinimumRefused = 10;

    /// <summary>The share of refused pushes in 24 hours above which they count as failing (5 %).</summary>
    public const decimal MaximumRefusedShare = 0.05m;

    /// <summary>The age of the oldest unacknowledged message from which a growing backlog counts as failing.</summary>
    public static readonly TimeSpan BacklogFailureAge = TimeSpan.FromMinutes(10);

    /// <summary>The answer code of an acknowledged push in <c>push_request_count</c>.</summary>
    public const string Success = "success";

    /// <param name="subscription">The subscription.</param>
    /// <param name="responses">Push attempts of the last 24 h by response code, or <see langword="null"/> when Monitoring was not read.</param>
    /// <param name="backlog">The oldest unacked message's age per hour, most recent first, or <see langword="null"/> when not read.</param>
    /// <param name="endpointService">The Cloud Run service the subscription pushes to, when known (its request logs show the refusals).</param>
    public static LiveEvidence From(
        PubSubSubscription subscription, IReadOnlyDictionary<string, long>? responses, IReadOnlyList<MonitoringPoint>? backlog, string? endpointService)
    {
        var name = ResourceName.Parse(subscription.Name);
        var lines = new List<string>();
        string? failure = null;
        if (responses is not null)
        {
            var total = MonitoringValues.Total(responses.Values);
            var refused = MonitoringValues.Total(responses.Where(p => p.Key != Success).Select(p => p.Value));
            lines.Add(total == 0
                ? "No push request in the last 24 h (push_request_count)."
                : "Push requests in the last 24 h: " + string.Join(", ", responses.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{EvidenceText.Count(Math.Max(0, p.Value))} {p.Key}")) + ".");
            if (refused >= MinimumRefused && refused > total * MaximumRefusedShare)
            {
                var worst = responses.Where(p => p.Key != Success).OrderByDescending(p => p.Value).First().Key;
                failure = $"its endpoint answered {EvidenceText.Count(refused)} of {EvidenceText.Count(total)} push requests of the last 24 h with an error (mostly {worst})";
            }
        }

        if (backlog is not null && Backlog(backlog, lines) is { } growing)
        {
            failure ??= growing;
        }

        lines.Add(subscription.DeadLetterTopic is { } topic
            ? $"Dead-letter topic {topic} after {subscription.DeadLetterMaxDeliveryAttempts} delivery attempts."
            : "No dead-letter policy: a message the endpoint keeps refusing is redelivered until it expires.");
        var fix = endpointService is null
            ? $"gcloud logging read 'resource.type=\"pubsub_subscription\" AND resource.labels.subscription_id=\"{name.Id}\"' --project={name.Project} --freshness=1d --limit=20"
            : $"gcloud logging read 'resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"{ResourceName.Parse(endpointService).Id}\" AND httpRequest.status>=400' --project={name.Project} --freshness=1d --limit=20";
        return new LiveEvidence(subscription.Name, lines, failure, fix);
    }

    // The oldest unacked message's age, most recent first: failing when it is past BacklogFailureAge and grew.
    private static string? Backlog(IReadOnlyList<MonitoringPoint> backlog, List<string> lines)
    {
        var ages = backlog.Select(p => (p.End, Age: MonitoringValues.Age(p.Value))).Where(p => p.Age is not null).Select(p => (p.End, Age: p.Age!.Value)).ToArray();
        string? failure = null;
        if (ages.Length == 0)
        {
            lines.Add("oldest_unacked_message_age has no data in the last 24 h.");
        }
        else
        {
            var (latest, earliest) = (ages[0], ages[^1]);
            lines.Add($"Oldest unacknowledged message: {EvidenceText.Duration(latest.Age)} old at {EvidenceText.Time(latest.End)} ({EvidenceText.Duration(earliest.Age)} at {EvidenceText.Time(earliest.End)}).");
            if (latest.Age >= BacklogFailureAge && latest.Age > earliest.Age)
            {
                failure = $"its oldest unacknowledged message is {EvidenceText.Duration(latest.Age)} old and growing";
            }
        }

        if (backlog.Count > ages.Length)
        {
            lines.Add($"oldest_unacked_message_age: {backlog.Count - ages.Length} value(s) no message can have (below 0 s or above Pub/Sub's longest retention, {EvidenceText.Duration(MonitoringValues.LongestRetention)}) ignored.");
        }

        return failure;
    }
}
