namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>A parsed delivery, or why it could not be parsed (with the message id when one was read).</summary>
internal sealed record DeliveryParseResult(IncomingPubSubMessage? Message, string? Problem, string? MessageId)
{
    public static DeliveryParseResult Ok(IncomingPubSubMessage message) => new(message, null, message.MessageId);

    public static DeliveryParseResult Fail(string problem, string? messageId = null) => new(null, problem, messageId);
}
