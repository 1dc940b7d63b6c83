using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.AspNetCore.Http;
using Pax.GoogleCloud.Tracing.Internal;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// Reads the four delivery forms into one message, never throwing: Eventarc CloudEvents in binary mode
/// (<c>ce-*</c> headers) and structured mode (<c>application/cloudevents+json</c>) through the CloudNative.CloudEvents
/// SDK, the wrapped push envelope, and unwrapped push (raw data; <c>x-goog-pubsub-*</c> metadata headers and
/// attributes as headers when <c>writeMetadata</c> is on).
/// </summary>
internal static class PushDeliveryReader
{
    public const string MessagePublishedType = "google.cloud.pubsub.topic.v1.messagePublished";
    public const string LegacyPublishType = "com.google.cloud.pubsub.topic.publish";
    // With writeMetadata, unwrapped push sends attributes as headers: the contract's, and the trace context Google's clients
    // write (never the plain traceparent header, which is the request's own).
    private static readonly IReadOnlyList<string> AttributeHeaders =
        [.. CompletionWireFormat.Fields, TraceContextText.GoogleTraceParentAttribute, TraceContextText.GoogleTraceStateAttribute];

    public static DeliveryParseResult Read(HttpRequest request, byte[] body)
    {
        try
        {
            if (request.Headers.ContainsKey("ce-specversion"))
            {
                return ReadBinaryCloudEvent(request, body);
            }

            if (request.ContentType?.StartsWith("application/cloudevents+json", StringComparison.OrdinalIgnoreCase) == true)
            {
                var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(body, new ContentType(request.ContentType), null);
                return FromCloudEvent(cloudEvent);
            }

            return LooksWrapped(body) ? ReadEnvelope(body, null) : ReadUnwrapped(request, body);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return DeliveryParseResult.Fail($"unreadable delivery: {ex.Message}");
        }
    }

    /// <summary>Reads a wrapped push body (<c>{"message":{…},"subscription":…}</c>), never throwing: the form the in-process transport delivers.</summary>
    public static DeliveryParseResult ReadWrapped(byte[] body)
    {
        try
        {
            return ReadEnvelope(body, null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return DeliveryParseResult.Fail($"unreadable delivery: {ex.Message}");
        }
    }

    private static DeliveryParseResult ReadBinaryCloudEvent(HttpRequest request, byte[] body)
    {
        var specVersion = CloudEventsSpecVersion.FromVersionId(request.Headers["ce-specversion"].ToString())
            ?? throw new FormatException($"unsupported ce-specversion '{request.Headers["ce-specversion"]}'");
        var cloudEvent = new CloudEvent(specVersion);
        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("ce-", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("ce-specversion", StringComparison.OrdinalIgnoreCase))
            {
                cloudEvent.SetAttributeFromString(header.Key[3..].ToLowerInvariant(), header.Value.ToString());
            }
        }

        cloudEvent.DataContentType = request.ContentType ?? "application/json";
        new JsonEventFormatter().DecodeBinaryModeEventData(body, cloudEvent);
        return FromCloudEvent(cloudEvent);
    }

    private static DeliveryParseResult FromCloudEvent(CloudEvent cloudEvent)
    {
        if (!cloudEvent.IsValid)
        {
            return DeliveryParseResult.Fail("the CloudEvent lacks required attributes (id, source, type)", cloudEvent.Id);
        }

        if (cloudEvent.Type is not (MessagePublishedType or LegacyPublishType))
        {
            return DeliveryParseResult.Fail($"CloudEvent type '{cloudEvent.Type}' is not {MessagePublishedType}", cloudEvent.Id);
        }

        var data = cloudEvent.Data switch
        {
            JsonElement element => JsonSerializer.SerializeToUtf8Bytes(element),
            string text => System.Text.Encoding.UTF8.GetBytes(text),
            byte[] bytes => bytes,
            _ => null,
        };
        return data is null ? DeliveryParseResult.Fail("the CloudEvent has no data", cloudEvent.Id) : ReadEnvelope(data, cloudEvent.Id);
    }

    private static bool LooksWrapped(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DeliveryParseResult ReadEnvelope(byte[] body, string? eventId)
    {
        var envelope = JsonSerializer.Deserialize(body, OrchestrationJsonContext.Default.PushEnvelope);
        if (envelope?.Message is not { } message)
        {
            return DeliveryParseResult.Fail("the push envelope has no message", eventId);
        }

        var id = message.MessageId ?? message.MessageIdSnake ?? eventId;
        var data = string.IsNullOrEmpty(message.Data) ? [] : Convert.FromBase64String(message.Data);
        var attributes = message.Attributes ?? new Dictionary<string, string>(StringComparer.Ordinal);
        return DeliveryParseResult.Ok(new IncomingPubSubMessage(id, data, attributes, ParseTime(message.PublishTime ?? message.PublishTimeSnake), envelope.Subscription));
    }

    private static DeliveryParseResult ReadUnwrapped(HttpRequest request, byte[] body)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in AttributeHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value) && value.Count > 0)
            {
                attributes[name] = value.ToString();
            }
        }

        var id = request.Headers["x-goog-pubsub-message-id"].ToString();
        var publishTime = ParseTime(request.Headers["x-goog-pubsub-publish-time"].ToString());
        return DeliveryParseResult.Ok(new IncomingPubSubMessage(id.Length == 0 ? null : id, body, attributes, publishTime));
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
