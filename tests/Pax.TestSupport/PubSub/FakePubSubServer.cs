using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;
using Pax.TestSupport.PubSub.Internal;

namespace Pax.TestSupport.PubSub;

/// <summary>
/// A loopback Pub/Sub REST v1 publisher (Kestrel on 127.0.0.1, a free port): <c>POST v1/projects/P/topics/T:publish</c>
/// as documented (cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics/publish): 1–1,000 messages, each with
/// non-empty base64 <c>data</c> or at least one attribute, unknown fields refused (400 <c>INVALID_ARGUMENT</c>), unknown
/// topics 404 <c>NOT_FOUND</c>, a missing or wrong bearer token 401 <c>UNAUTHENTICATED</c>. <see cref="FailNext"/> makes
/// the next publishes fail the way the service can (409 <c>ABORTED</c>, 499 <c>CANCELLED</c>, 503 <c>UNAVAILABLE</c>, …).
/// Subscriptions added with <see cref="AddSubscription"/> are listed (<c>GET v1/projects/P/subscriptions</c>, paged).
/// </summary>
public sealed class FakePubSubServer : IAsyncDisposable
{
    /// <summary>The bearer token requests must carry unless another is given.</summary>
    public const string DefaultAccessToken = "fake-pubsub-token";

    private readonly RestLoopbackHost _host;
    private readonly FakePubSubTopics _topics;
    private readonly FakePubSubSubscriptions _subscriptions;

    private FakePubSubServer(RestLoopbackHost host, FakePubSubTopics topics, FakePubSubSubscriptions subscriptions)
    {
        _host = host;
        _topics = topics;
        _subscriptions = subscriptions;
    }

    /// <summary>Gets the server's root: the Pub/Sub endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Gets the messages published so far (after any injected failure), in order.</summary>
    public IReadOnlyList<FakePubSubMessage> Published => _topics.Published;

    /// <summary>Starts a server without topics.</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakePubSubServer> StartAsync(string? accessToken = DefaultAccessToken, CancellationToken cancellationToken = default)
    {
        var topics = new FakePubSubTopics();
        var subscriptions = new FakePubSubSubscriptions();
        var host = await RestLoopbackHost.StartAsync(accessToken, request => subscriptions.TryHandle(request) ?? topics.Handle(request), cancellationToken);
        return new FakePubSubServer(host, topics, subscriptions);
    }

    /// <summary>Gets or sets the most subscriptions one list page holds (default 1000): set it low to force several pages.</summary>
    public int MaxPageSize
    {
        get => _subscriptions.MaxPageSize;
        set => _subscriptions.MaxPageSize = value;
    }

    /// <summary>Adds a subscription that <c>subscriptions.list</c> returns (checked like a create; throws when Pub/Sub would refuse it).</summary>
    /// <param name="subscription">The Subscription resource: <c>name</c>, <c>topic</c>, optional <c>pushConfig</c>, <c>ackDeadlineSeconds</c>, ….</param>
    public void AddSubscription(JsonObject subscription) => _subscriptions.Add(subscription);

    /// <summary>Answers every later request with 403 <c>PERMISSION_DENIED</c>, reason <c>SERVICE_DISABLED</c>: the API is not enabled in <paramref name="project"/>.</summary>
    /// <param name="project">The project id named in the answer.</param>
    public void DisableApi(string project) => _host.Refuse(_ => true, RestResponse.ServiceDisabled("pubsub.googleapis.com", project));

    /// <summary>
    /// Makes every later list page carry one more subscription and a new <c>nextPageToken</c>, so the list never ends: a
    /// hostile answer no real list gives (AIP-158: the token is absent on the last page), for testing that a reader stops.
    /// </summary>
    /// <param name="project">The project whose list never ends.</param>
    public void EndlessPages(string project)
    {
        var page = 0;
        _host.Override(request =>
        {
            if (request.Method != "GET" || request.Path != $"/v1/projects/{project}/subscriptions")
            {
                return null;
            }

            var n = Interlocked.Increment(ref page);
            return RestResponse.Json(new JsonObject
            {
                ["subscriptions"] = new JsonArray(new JsonObject { ["name"] = $"projects/{project}/subscriptions/endless-{n}", ["topic"] = $"projects/{project}/topics/t", ["ackDeadlineSeconds"] = 10 }),
                ["nextPageToken"] = $"page-{n}",
            });
        });
    }

    /// <summary>Creates a topic.</summary>
    /// <param name="topic">The full name: <c>projects/P/topics/T</c>.</param>
    public void AddTopic(string topic) => _topics.Add(topic);

    /// <summary>Makes the next <paramref name="times"/> publish requests fail with the given google.rpc error (nothing is published).</summary>
    /// <param name="times">How many requests fail.</param>
    /// <param name="code">The HTTP status, such as 409.</param>
    /// <param name="status">The status name, such as <c>ABORTED</c>.</param>
    /// <param name="message">The error message.</param>
    public void FailNext(int times, int code, string status, string message) => _topics.FailNext(times, code, status, message);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
