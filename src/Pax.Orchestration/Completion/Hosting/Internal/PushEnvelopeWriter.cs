using System.Globalization;
using System.Text.Json;
using Pax.GoogleCloud.PubSub;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// Writes the wrapped push body Pub/Sub POSTs for a published message (FACTS.md §5.1, cloud.google.com/pubsub/docs/push):
/// <c>{"message":{"attributes","data" (base64),"messageId","message_id","publishTime","publish_time","orderingKey"?},"subscription"}</c>,
/// both id and time spellings, the time as RFC 3339 UTC with microseconds, attributes left out when there are none.
/// The in-process transport delivers these bytes, so its messages meet the same reader as a push.
/// </summary>
internal static class PushEnvelopeWriter
{
    public static byte[] Write(PubSubOutgoingMessage message, string messageId, DateTimeOffset publishTime, string subscription)
    {
        var time = publishTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("message");
            if (message.Attributes is { Count: > 0 } attributes)
            {
                json.WriteStartObject("attributes");
                foreach (var (key, value) in attributes)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            json.WriteBase64String("data", message.Data ?? []);
            json.WriteString("messageId", messageId);
            json.WriteString("message_id", messageId);
            json.WriteString("publishTime", time);
            json.WriteString("publish_time", time);
            if (!string.IsNullOrEmpty(message.OrderingKey))
            {
                json.WriteString("orderingKey", message.OrderingKey);
            }

            json.WriteEndObject();
            json.WriteString("subscription", subscription);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
