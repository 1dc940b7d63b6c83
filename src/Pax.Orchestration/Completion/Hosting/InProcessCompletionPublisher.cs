using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Tracing.Internal;
using Pax.Orchestration.Completion.Hosting.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Completion.Hosting;

/// <summary>
/// The in-process completion transport, for local development and tests: an <see cref="ICompletionPublisher"/> that
/// hands a completion to the orchestrator's intake in the same process instead of publishing it to Pub/Sub. It carries
/// what Pub/Sub would: the message <see cref="CompletionWireFormat.Encode"/> produced (data and attributes), a message id
/// and a publish time, written as the wrapped push body Pub/Sub POSTs (cloud.google.com/pubsub/docs/push), and the
/// intake reads those bytes with the push reader, parses and validates them with the same code, records them in the same
/// tally and rejects a malformed message the same way (acknowledged, log event 4003 <c>Rejected</c>, the rejected record,
/// metric <c>pax.orchestration.deliveries{outcome=rejected, reason}</c>). Register it with
/// <c>services.AddPaxInProcessCompletions()</c>; a processor that takes an <see cref="ICompletionPublisher"/> (the
/// collector's <c>CollectionRunner</c>) then reports to this process. Every topic is delivered to this process's intake.
/// </summary>
/// <remarks>
/// Differences from Pub/Sub, by design: delivery happens inside <see cref="PublishAsync"/>, so when the report completes
/// a phase the next-phase trigger has run (or failed, and waits for a re-drive) when the call returns; there is no
/// redelivery, so a store failure is thrown to the publisher (log event 4016, metric
/// <c>pax.orchestration.deliveries{outcome=unavailable}</c>), which publishes again, as a collector task does by failing;
/// push authentication and the ack deadline do not apply (nothing crosses a network).
/// </remarks>
public sealed class InProcessCompletionPublisher : ICompletionPublisher
{
    // cloud.google.com/pubsub/quotas#resource_limits: 10 MB per publish request, 100 attributes per message, attribute
    // keys up to 256 bytes and values up to 1024 bytes; Pub/Sub answers 400 INVALID_ARGUMENT past them.
    private const int MaxPublishBytes = 10 * 1000 * 1000;
    private const int MaxAttributes = 100;
    private const int MaxAttributeKeyBytes = 256;
    private const int MaxAttributeValueBytes = 1024;
    private const int ExcerptLength = 1024;

    private readonly CompletionDeliveryHandler _deliveries;
    private readonly OrchestrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationMetrics _metrics;
    private readonly ulong _idBase = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 12;
    private long _sequence;

    internal InProcessCompletionPublisher(CompletionDeliveryHandler deliveries, IOptions<OrchestrationOptions> options, TimeProvider time, ILogger logger, OrchestrationMetrics metrics)
    {
        _deliveries = deliveries;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <inheritdoc />
    /// <exception cref="GoogleApiException">Pub/Sub would refuse the message (400 <c>INVALID_ARGUMENT</c>: over its size or attribute limits); nothing was delivered.</exception>
    /// <remarks>A message the intake rejects is not an error here, as with Pub/Sub: it is acknowledged and kept as rejected. Use <see cref="DeliverAsync(string, CompletionMessage, CancellationToken)"/> to see the outcome.</remarks>
    public async Task<string> PublishAsync(string topic, CompletionMessage message, CancellationToken cancellationToken)
    {
        if (CompletionNames.ValidateMessage(message) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }

        var delivery = await DeliverAsync(topic, CompletionWireFormat.Encode(message), cancellationToken).ConfigureAwait(false);
        return delivery.MessageId;
    }

    /// <summary>
    /// Delivers <paramref name="message"/> to the intake as Pub/Sub would push it, encoded as a processor publishes it,
    /// and returns what the intake did with it. Unlike <see cref="PublishAsync"/>, the names are not checked first: a
    /// message that breaks the completion contract (a processor the phase does not list, a malformed run key) is rejected
    /// exactly as a push of it would be, so a test can see the rejection.
    /// </summary>
    /// <param name="topic">The topic it is published to: <c>projects/P/topics/T</c>.</param>
    /// <param name="message">The completion (its message id is ignored: one is assigned).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id and the intake's outcome.</returns>
    /// <exception cref="ArgumentException">The topic name is malformed; nothing was delivered.</exception>
    /// <exception cref="GoogleApiException">Pub/Sub would refuse the message (400 <c>INVALID_ARGUMENT</c>: over its size or attribute limits); nothing was delivered.</exception>
    /// <exception cref="Exception">The completion store failed (whatever it throws): nothing was recorded; deliver again.</exception>
    public Task<InProcessDelivery> DeliverAsync(string topic, CompletionMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return DeliverAsync(topic, CompletionWireFormat.Encode(message), cancellationToken);
    }

    /// <summary>
    /// Delivers any Pub/Sub message to the intake as Pub/Sub would push it (the tests' way to send one that does not
    /// follow the contract at all), and returns what the intake did with it.
    /// </summary>
    /// <exception cref="ArgumentException">The topic name is malformed or the message has neither data nor attributes (Pub/Sub refuses both); nothing was delivered.</exception>
    internal async Task<InProcessDelivery> DeliverAsync(string topic, PubSubOutgoingMessage message, CancellationToken cancellationToken)
    {
        CheckPublish(topic, message);
        var messageId = (_idBase + (ulong)Interlocked.Increment(ref _sequence)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The same producer span and googclient_traceparent attribute as a publish to Pub/Sub.
        var (span, traced) = GoogleCloudTracing.StartCreate(topic, message);
        using var created = span;
        span?.SetTag("messaging.message.id", messageId);
        if (!ReferenceEquals(traced, message))
        {
            // Pub/Sub counts the trace attribute against its limits too (a message with 100 attributes has one too many).
            CheckPublish(topic, traced);
        }

        var body = PushEnvelopeWriter.Write(traced, messageId, _time.GetUtcNow(), SubscriptionFor(topic));
        IntakeResponse answer;
        try
        {
            answer = await HandleAsync(body, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            OrchestrationLog.InProcessDeliveryFailed(_logger, ex, messageId);
            _metrics.Delivery("unavailable");
            GoogleCloudTracing.Fail(span, ex);
            throw;
        }

        var disposition = answer.Outcome switch
        {
            "recorded" => ReportDisposition.Recorded,
            "duplicate" => ReportDisposition.Duplicate,
            _ => ReportDisposition.Rejected,
        };
        return new InProcessDelivery(messageId, disposition, answer.Reason, answer.Drive);
    }

    private async Task<IntakeResponse> HandleAsync(byte[] body, string messageId, CancellationToken cancellationToken)
    {
        // The same checks, in the same order, as the push intake: size, envelope, contract, tally.
        if (body.Length > _options.MaxMessageBytes)
        {
            var reason = $"the delivery of {body.Length} bytes or more exceeds {OrchestrationOptions.SectionName}:MaxMessageBytes ({_options.MaxMessageBytes})";
            return await _deliveries.RejectAsync(messageId, RejectionReasons.Oversized, reason, body[..Math.Min(body.Length, ExcerptLength)], CompletionAddress.None, cancellationToken).ConfigureAwait(false);
        }

        var delivery = PushDeliveryReader.ReadWrapped(body);
        return delivery.Message is { } incoming
            ? await _deliveries.HandleAsync(incoming, request: null, cancellationToken).ConfigureAwait(false)
            : await _deliveries.RejectAsync(delivery.MessageId ?? messageId, RejectionReasons.Envelope, delivery.Problem!, body, CompletionAddress.None, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What Pub/Sub refuses at publish (FACTS.md §5.6; cloud.google.com/pubsub/quotas#resource_limits), refused here the same way.</summary>
    private static void CheckPublish(string topic, PubSubOutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!PubSubPublisherClient.IsTopicName(topic))
        {
            throw new ArgumentException($"'{topic}' is not a topic name: use projects/{{project}}/topics/{{topic}} (topic id: 3+ characters, starting with a letter).", nameof(topic));
        }

        var attributes = message.Attributes ?? [];
        if ((message.Data is null || message.Data.Length == 0) && attributes.Count == 0)
        {
            throw new ArgumentException("Each message needs non-empty data or at least one attribute.", nameof(message));
        }

        var size = (message.Data?.Length ?? 0) + attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value));
        var problem = size > MaxPublishBytes ? $"Request payload size exceeds the limit: {MaxPublishBytes} bytes."
            : attributes.Count > MaxAttributes ? $"The message has {attributes.Count} attributes; the maximum allowed is {MaxAttributes}."
            : attributes.Keys.FirstOrDefault(k => k.Length == 0 || Encoding.UTF8.GetByteCount(k) > MaxAttributeKeyBytes) is { } key
                ? $"One of the attributes in the request has a key that is empty or too long ({Encoding.UTF8.GetByteCount(key)} bytes); the maximum allowed is {MaxAttributeKeyBytes}."
            : attributes.FirstOrDefault(a => Encoding.UTF8.GetByteCount(a.Value) > MaxAttributeValueBytes) is { Key: not null } tooLong
                ? $"One of the attributes in the request has a value that is too long ({Encoding.UTF8.GetByteCount(tooLong.Value)} bytes); the maximum allowed is {MaxAttributeValueBytes}."
            // Attributes are protobuf strings, which must be valid UTF-8 (protobuf.dev/programming-guides/proto3, scalar types): a lone surrogate cannot be sent.
            : attributes.FirstOrDefault(a => !WellFormedText.IsWellFormed(a.Key) || !WellFormedText.IsWellFormed(a.Value)) is { Key: not null } invalid
                ? $"The attribute '{WellFormedText.Repair(invalid.Key)}' holds text that is not valid UTF-8 (a lone surrogate)."
            : null;
        if (problem is not null)
        {
            throw new GoogleApiException("pubsub", HttpStatusCode.BadRequest, "INVALID_ARGUMENT", null, $"pubsub.topics.publish on topic '{topic}': {problem}");
        }
    }

    private static string SubscriptionFor(string topic) => $"projects/{topic.Split('/')[1]}/subscriptions/pax-in-process";
}
