namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary>
/// The fields of the <c>Subscription</c> resource Pax reads (cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions):
/// <c>name</c>, <c>topic</c>, <c>pushConfig</c> (<c>pushEndpoint</c>, <c>oidcToken</c>), <c>ackDeadlineSeconds</c>,
/// <c>deadLetterPolicy.deadLetterTopic</c> and <c>labels</c>.
/// </summary>
internal sealed class PubSubSubscriptionResource
{
    public string? Name { get; set; }

    public string? Topic { get; set; }

    public PubSubPushConfigResource? PushConfig { get; set; }

    public int? AckDeadlineSeconds { get; set; }

    public PubSubDeadLetterPolicyResource? DeadLetterPolicy { get; set; }

    public Dictionary<string, string>? Labels { get; set; }
}
