using Pax.GoogleCloud.Firestore;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The Firestore layout of a rejected delivery: one document per delivery (random id) in
/// <see cref="FirestoreStoreOptions.RejectedCollection"/>, fields <c>messageId</c>, <c>reason</c>, <c>receivedAt</c>,
/// <c>excerpt</c>, <c>reasonCode</c> (envelope|contract|invalid|oversized) and, when the delivery named them, <c>phase</c>, <c>runKey</c> and <c>processor</c> (null otherwise,
/// and absent in documents written before they existed).
/// </summary>
internal static class FirestoreRejectedDocument
{
    public const string Phase = "phase";
    public const string RunKey = "runKey";
    public const string ReceivedAt = "receivedAt";
    public const string ReasonCode = "reasonCode";

    public static Dictionary<string, FirestoreValue> Write(RejectedMessage rejected) => new(StringComparer.Ordinal)
    {
        ["reason"] = FirestoreValue.String(rejected.Reason),
        [ReceivedAt] = FirestoreValue.Timestamp(rejected.ReceivedAt),
        ["messageId"] = Text(rejected.MessageId),
        ["excerpt"] = Text(rejected.Excerpt),
        [Phase] = Text(rejected.Phase),
        [RunKey] = Text(rejected.RunKey),
        ["processor"] = Text(rejected.Processor),
        [ReasonCode] = Text(rejected.ReasonCode),
    };

    public static RejectedMessage Read(Dictionary<string, FirestoreValue> fields) => new(
        fields.GetValueOrDefault("messageId")?.StringValue,
        fields.GetValueOrDefault("reason")?.StringValue ?? string.Empty,
        fields.GetValueOrDefault(ReceivedAt)?.AsTimestamp() ?? DateTimeOffset.MinValue,
        fields.GetValueOrDefault("excerpt")?.StringValue)
    {
        Phase = fields.GetValueOrDefault(Phase)?.StringValue,
        RunKey = fields.GetValueOrDefault(RunKey)?.StringValue,
        Processor = fields.GetValueOrDefault("processor")?.StringValue,
        ReasonCode = fields.GetValueOrDefault(ReasonCode)?.StringValue,
    };

    private static FirestoreValue Text(string? value) => value is null ? FirestoreValue.Null() : FirestoreValue.String(value);
}
