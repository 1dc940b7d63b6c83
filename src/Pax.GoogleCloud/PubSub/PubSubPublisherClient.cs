using System.Net;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Http.Internal;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.PubSub.Internal;
using Pax.GoogleCloud.Tracing.Internal;

namespace Pax.GoogleCloud.PubSub;

/// <summary>
/// Publishes to Pub/Sub topics over REST (<c>POST v1/projects/{p}/topics/{t}:publish</c>). A typed client: resolve it
/// from DI after <c>services.AddPaxGoogleCloud()</c>. With <c>PUBSUB_EMULATOR_HOST</c> set, requests go to the
/// emulator without credentials. Publishing is retried on what Google's publishers retry (<c>ABORTED</c>,
/// <c>CANCELLED</c>, <c>DEADLINE_EXCEEDED</c>, <c>INTERNAL</c>, <c>RESOURCE_EXHAUSTED</c>, <c>UNAVAILABLE</c>,
/// <c>UNKNOWN</c>, plus transport errors and HTTP 408/502), so a
/// message may be published twice: Pub/Sub is at-least-once anyway, and subscribers deduplicate on an idempotency
/// key carried in the attributes. Each message gets a producer span (<c>{topic id} create</c>, source
/// <c>Pax.GoogleCloud</c>) whose context is written to its <c>googclient_traceparent</c> attribute, as Google's clients do.
/// </summary>
internal sealed class PubSubPublisherClient
{
    private const int MaxMessagesPerRequest = 1000;
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public PubSubPublisherClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForPubSub(options.Value));
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://pubsub.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Gets a value indicating whether the endpoint is the emulator (<c>PUBSUB_EMULATOR_HOST</c>).</summary>
    public bool UsesEmulator => _transport.Endpoint.IsEmulator;

    /// <summary>Returns whether <paramref name="topic"/> is a full topic name <c>projects/{project}/topics/{topic}</c>.</summary>
    /// <param name="topic">The name to check.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsTopicName(string? topic)
    {
        var parts = topic?.Split('/');
        return parts is { Length: 4 } && parts[0] == "projects" && parts[2] == "topics" && parts[1].Length > 0
            && parts[3].Length >= 3 && char.IsAsciiLetter(parts[3][0]);
    }

    /// <summary>Publishes messages to a topic in one request.</summary>
    /// <param name="topic">The full topic name: <c>projects/{project}/topics/{topic}</c>.</param>
    /// <param name="messages">1 to 1,000 messages, each with data or attributes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's message ids, in the order of <paramref name="messages"/>.</returns>
    /// <exception cref="ArgumentException">The topic name or a message is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Pub/Sub refused the call (403: grant <c>roles/pubsub.publisher</c> on the topic).</exception>
    public async Task<IReadOnlyList<string>> PublishAsync(string topic, IReadOnlyList<PubSubOutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        if (!IsTopicName(topic))
        {
            throw new ArgumentException($"'{topic}' is not a topic name: use projects/{{project}}/topics/{{topic}} (topic id: 3+ characters, starting with a letter).", nameof(topic));
        }

        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count is 0 or > MaxMessagesPerRequest)
        {
            throw new ArgumentException($"A publish request holds 1 to {MaxMessagesPerRequest} messages (was {messages.Count}).", nameof(messages));
        }

        if (messages.Any(m => (m.Data is null || m.Data.Length == 0) && (m.Attributes is null || m.Attributes.Count == 0)))
        {
            throw new ArgumentException("Each message needs non-empty data or at least one attribute.", nameof(messages));
        }

        var operation = new GoogleOperation("pubsub", "pubsub.topics.publish", $"topic '{topic}'", "roles/pubsub.publisher");
        var created = messages.Select(m => GoogleCloudTracing.StartCreate(topic, m)).ToList();
        try
        {
            var response = await _transport.SendJsonAsync(
                HttpMethod.Post,
                $"v1/{topic}:publish",
                new PubSubPublishRequest { Messages = created.Select(c => c.Message).ToList() },
                GoogleCloudJsonContext.Default.PubSubPublishRequest,
                GoogleCloudJsonContext.Default.PubSubPublishResponse,
                operation,
                retryable: true,
                cancellationToken,
                GoogleRetryStatuses.PubSubPublish).ConfigureAwait(false);
            var ids = response.MessageIds is { } answered && answered.Count == messages.Count
                ? answered
                : throw new GoogleApiException(operation.Api, HttpStatusCode.OK, null, null, $"{operation}: the answer carried {response.MessageIds?.Count ?? 0} message id(s) for {messages.Count} message(s).");
            for (var i = 0; i < created.Count; i++)
            {
                created[i].Span?.SetTag("messaging.message.id", ids[i]);
            }

            return ids;
        }
        catch (Exception ex)
        {
            created.ForEach(c => GoogleCloudTracing.Fail(c.Span, ex));
            throw;
        }
        finally
        {
            created.ForEach(c => c.Span?.Dispose());
        }
    }
}
