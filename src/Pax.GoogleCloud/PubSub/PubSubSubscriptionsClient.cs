using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.PubSub.Internal;

namespace Pax.GoogleCloud.PubSub;

/// <summary>
/// Lists Pub/Sub subscriptions of a project over REST (<c>GET v1/projects/P/subscriptions</c>, every page;
/// cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/list). A typed client: resolve it from DI after
/// <c>services.AddPaxGoogleCloud()</c>. The caller needs <c>pubsub.subscriptions.list</c> (<c>roles/pubsub.viewer</c>).
/// </summary>
internal sealed class PubSubSubscriptionsClient
{
    // "pageSize: Optional. Maximum number of subscriptions to return." (no documented maximum; the server may return fewer and says so with nextPageToken).
    private const int PageSize = 1000;
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public PubSubSubscriptionsClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForPubSub(options.Value), listLimits: options.Value.ListLimits);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://pubsub.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Lists every subscription of <paramref name="project"/>.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscriptions.</returns>
    /// <exception cref="ArgumentException">The project is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Pub/Sub refused the call (403: grant <c>roles/pubsub.viewer</c>).</exception>
    public async Task<IReadOnlyList<PubSubSubscription>> ListSubscriptionsAsync(string project, CancellationToken cancellationToken = default)
    {
        if (!GoogleResourceNames.IsProject(project))
        {
            throw new ArgumentException($"'{project}' is not a project id.", nameof(project));
        }

        var operation = new GoogleOperation("pubsub", "pubsub.subscriptions.list", $"project '{project}'", "roles/pubsub.viewer");
        var list = await _transport.ListAllAsync(
            $"v1/projects/{project}/subscriptions", PageSize, GoogleCloudJsonContext.Default.PubSubSubscriptionList, page => page.Subscriptions, page => page.NextPageToken,
            operation, cancellationToken).ConfigureAwait(false);
        return list.Where(s => s.Name is not null).Select(ToSubscription).ToArray();
    }

    private static PubSubSubscription ToSubscription(PubSubSubscriptionResource s)
    {
        var push = s.PushConfig;
        Uri? endpoint = push?.PushEndpoint is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;
        return new PubSubSubscription(
            s.Name!,
            s.Topic,
            endpoint,
            push?.OidcToken?.ServiceAccountEmail is { Length: > 0 } account ? account : null,
            push?.OidcToken?.Audience is { Length: > 0 } audience ? audience : null,
            s.AckDeadlineSeconds,
            s.DeadLetterPolicy?.DeadLetterTopic is { Length: > 0 } dlq ? dlq : null,
            s.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            // "maxDeliveryAttempts … If this parameter is 0, a default value of 5 is used" (projects.subscriptions#DeadLetterPolicy).
            DeadLetterMaxDeliveryAttempts = s.DeadLetterPolicy is { DeadLetterTopic.Length: > 0 } policy ? (policy.MaxDeliveryAttempts is > 0 ? policy.MaxDeliveryAttempts : 5) : null,
        };
    }
}
