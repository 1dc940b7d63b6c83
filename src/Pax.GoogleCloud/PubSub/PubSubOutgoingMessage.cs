namespace Pax.GoogleCloud.PubSub;

/// <summary>A message to publish: non-empty <see cref="Data"/> or at least one attribute.</summary>
internal sealed class PubSubOutgoingMessage
{
    /// <summary>Gets or sets the payload, base64 on the wire.</summary>
    public byte[]? Data { get; set; }

    /// <summary>Gets or sets the attributes.</summary>
    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>Gets or sets the ordering key (only honoured by subscriptions with ordering enabled).</summary>
    public string? OrderingKey { get; set; }
}
