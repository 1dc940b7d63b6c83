namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary><c>ListSubscriptionsResponse</c>: <c>{"subscriptions":[…],"nextPageToken":"…"}</c> (cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/list).</summary>
internal sealed class PubSubSubscriptionList
{
    public List<PubSubSubscriptionResource>? Subscriptions { get; set; }

    public string? NextPageToken { get; set; }
}
