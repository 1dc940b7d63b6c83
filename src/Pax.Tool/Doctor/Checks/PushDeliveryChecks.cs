using System.Globalization;
using Pax.GoogleCloud.PubSub;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// How a push subscription delivers, whatever its token:
/// <list type="bullet">
/// <item>PAX105 (warning): it pushes into a Pax orchestrator (a Cloud Run service with <c>Pax__Orchestration__*</c>
/// settings) with an <c>ackDeadlineSeconds</c> shorter than the intake's budget (<c>Pax__Orchestration__Push__AckDeadline</c>,
/// 10 s when not set): "The push request deadline is the subscription's ackDeadlineSeconds" (FACTS.md 5.3;
/// cloud.google.com/pubsub/docs/push), so Pub/Sub gives up and redelivers a message the intake is still
/// handling.</item>
/// <item>PAX106 (warning): it has no dead-letter policy, so a message its endpoint keeps refusing is redelivered until it
/// expires (cloud.google.com/pubsub/docs/handling-failures).</item>
/// </list>
/// </summary>
internal static class PushDeliveryChecks
{
    /// <summary>The orchestrator's setting of the intake's budget, as a Cloud Run environment variable.</summary>
    public const string AckDeadlineVariable = "Pax__Orchestration__Push__AckDeadline";

    // The configuration keys the variables stand for.
    private const string OrchestrationSection = "Pax:Orchestration:";
    private const string AckDeadlineKey = "Pax:Orchestration:Push:AckDeadline";

    // PushOptions.AckDeadline's default, and Pub/Sub's default ackDeadlineSeconds.
    private static readonly TimeSpan DefaultAckDeadline = TimeSpan.FromSeconds(10);

    public static IEnumerable<Finding> Check(PubSubSubscription subscription, ProjectInventory inventory)
    {
        if (subscription.PushEndpoint is not { } endpoint)
        {
            yield break;
        }

        var name = ResourceName.Parse(subscription.Name);
        var target = TargetResolver.Resolve(endpoint, inventory);
        if (target.Service is { } service && IntakeBudget(service) is { } budget)
        {
            var ack = TimeSpan.FromSeconds(subscription.AckDeadlineSeconds ?? 10);
            if (ack < budget)
            {
                yield return new Finding(RuleIds.AckDeadlineTooShort, FindingSeverity.Warning, subscription.Name, service.Service.Name, null,
                    $"Pub/Sub waits {(long)ack.TotalSeconds} s for an answer (ackDeadlineSeconds) but the orchestrator {service.Service.Name} may take up to {(long)budget.TotalSeconds} s less one second "
                    + $"({AckDeadlineVariable}): a slow delivery is redelivered while it is still being handled.",
                    GcloudFixes.AckDeadline(name, (int)Math.Ceiling(budget.TotalSeconds)));
            }
        }

        if (subscription.DeadLetterTopic is null)
        {
            yield return new Finding(RuleIds.NoDeadLetterPolicy, FindingSeverity.Warning, subscription.Name, target.Name, null,
                "No dead-letter policy: a message the endpoint keeps refusing is redelivered until it expires (7 days by default), and nothing shows which one it was.",
                GcloudFixes.DeadLetter(name));
        }
    }

    /// <summary>The intake's budget of a Pax orchestrator, or <see langword="null"/> when the service is not one (or the setting is unreadable).</summary>
    public static TimeSpan? IntakeBudget(ServiceState service)
    {
        // As .NET configuration reads environment variables (EnvironmentVariablesConfigurationProvider): '__' stands for
        // ':' and keys are case-insensitive, so PAX__ORCHESTRATION__PUSH__ACKDEADLINE is the same setting; the last wins.
        var settings = service.Service.Environment
            .Select(p => (Key: p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value))
            .Where(p => p.Key.StartsWith(OrchestrationSection, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (settings.Length == 0)
        {
            return null;
        }

        // Read as the configuration binder reads a TimeSpan (TimeSpan.Parse, invariant culture: "00:00:30").
        return settings.LastOrDefault(p => string.Equals(p.Key, AckDeadlineKey, StringComparison.OrdinalIgnoreCase)) is { Key: not null } setting
            ? TimeSpan.TryParse(setting.Value, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value : null
            : DefaultAckDeadline;
    }
}
