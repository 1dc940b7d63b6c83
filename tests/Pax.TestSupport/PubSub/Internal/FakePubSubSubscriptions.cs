using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.PubSub.Internal;

/// <summary>
/// The subscriptions a <see cref="FakePubSubServer"/> lists: <c>GET v1/projects/P/subscriptions?pageSize&amp;pageToken</c>
/// answered <c>{"subscriptions":[…],"nextPageToken":"…"}</c> (cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/list).
/// Seeded subscriptions are checked like a create (cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions):
/// known fields only, <c>ackDeadlineSeconds</c> 10–600, <c>pushConfig.oidcToken.serviceAccountEmail</c> required when
/// an <c>oidcToken</c> is given, a push endpoint that is an absolute https URL.
/// </summary>
internal sealed partial class FakePubSubSubscriptions
{
    private static readonly string[] Fields = ["name", "topic", "pushConfig", "ackDeadlineSeconds", "deadLetterPolicy", "labels", "retryPolicy", "messageRetentionDuration"];
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonObject> _subscriptions = new(StringComparer.Ordinal);

    public int MaxPageSize { get; set; } = 1000;

    public void Add(JsonObject subscription)
    {
        var error = StrictJson.UnknownField(subscription, "subscription", Fields);
        var name = (string?)subscription["name"];
        error ??= name is not null && SubscriptionName().IsMatch(name) ? null : $"Invalid subscription name '{name}': projects/P/subscriptions/S.";
        error ??= (string?)subscription["topic"] is null ? "Subscription.topic is required." : null;
        var deadline = (int?)subscription["ackDeadlineSeconds"] ?? 10;
        error ??= deadline is < 10 or > 600 ? $"ackDeadlineSeconds {deadline} is outside 10-600." : null;
        if (subscription["pushConfig"] is JsonObject push)
        {
            error ??= StrictJson.UnknownField(push, "subscription.pushConfig", "pushEndpoint", "oidcToken", "attributes", "noWrapper");
            error ??= Uri.TryCreate((string?)push["pushEndpoint"], UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps
                ? null : "pushConfig.pushEndpoint must be an absolute https URL.";
            if (push["oidcToken"] is JsonObject oidc)
            {
                error ??= StrictJson.UnknownField(oidc, "subscription.pushConfig.oidcToken", "serviceAccountEmail", "audience");
                error ??= (string?)oidc["serviceAccountEmail"] is { Length: > 0 } ? null : "pushConfig.oidcToken.serviceAccountEmail is required.";
            }
        }

        if (subscription["deadLetterPolicy"] is JsonObject deadLetter)
        {
            // DeadLetterPolicy (cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions#DeadLetterPolicy):
            // deadLetterTopic "projects/{project}/topics/{topic}", maxDeliveryAttempts 5-100 (0: the default 5).
            error ??= StrictJson.UnknownField(deadLetter, "subscription.deadLetterPolicy", "deadLetterTopic", "maxDeliveryAttempts");
            error ??= (string?)deadLetter["deadLetterTopic"] is { } topic && TopicName().IsMatch(topic) ? null : "deadLetterPolicy.deadLetterTopic must be projects/P/topics/T.";
            error ??= (int?)deadLetter["maxDeliveryAttempts"] is null or 0 or (>= 5 and <= 100) ? null : "deadLetterPolicy.maxDeliveryAttempts must be between 5 and 100.";
        }

        if (error is not null)
        {
            throw new ArgumentException(error, nameof(subscription));
        }

        var stored = (JsonObject)subscription.DeepClone();
        stored["ackDeadlineSeconds"] = deadline;
        lock (_gate)
        {
            _subscriptions[name!] = stored;
        }
    }

    /// <summary>Answers a list request, or <see langword="null"/> when the request is not one.</summary>
    public RestResponse? TryHandle(RecordedRestRequest request)
    {
        if (ListPath().Match(request.Path) is not { Success: true } match)
        {
            return null;
        }

        if (request.Method != "GET")
        {
            return RestResponse.NoSuchRoute(request.Method, request.Path);
        }

        var project = match.Groups[1].Value;
        JsonNode[] items;
        lock (_gate)
        {
            items = _subscriptions.Where(p => p.Key.StartsWith(project + "/subscriptions/", StringComparison.Ordinal)).Select(p => (JsonNode)p.Value.DeepClone()).ToArray();
        }

        return FakePages.Answer(request, project, "subscriptions", items, MaxPageSize);
    }

    [GeneratedRegex("^/v1/(projects/[^/]+)/subscriptions$", RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();

    [GeneratedRegex("^projects/[^/]+/subscriptions/[A-Za-z][A-Za-z0-9._~%+-]{2,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubscriptionName();

    [GeneratedRegex("^projects/[^/]+/topics/[A-Za-z][A-Za-z0-9._~%+-]{2,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicName();
}
