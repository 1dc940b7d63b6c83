using System.Text.Json.Serialization;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>The message of a push envelope; Pub/Sub sends both camelCase and snake_case names.</summary>
internal sealed class PushEnvelopeMessage
{
    public string? Data { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }

    public string? MessageId { get; set; }

    [JsonPropertyName("message_id")]
    public string? MessageIdSnake { get; set; }

    public string? PublishTime { get; set; }

    [JsonPropertyName("publish_time")]
    public string? PublishTimeSnake { get; set; }
}
