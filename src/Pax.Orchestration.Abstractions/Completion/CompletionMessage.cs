namespace Pax.Orchestration.Completion;

/// <summary>
/// One processor's report for one run key, as parsed from a Pub/Sub message. The wire schema (JSON data, any field
/// may come as an attribute instead; attributes win):
/// <c>{"phase":"phase2","processor":"a","runKey":"2026-02-10","status":"succeeded","details":"…"}</c>.
/// </summary>
/// <param name="Phase">The phase, or <see langword="null"/> when only one phase is configured.</param>
/// <param name="Processor">The processor's name, such as <c>collector/3</c>.</param>
/// <param name="RunKey">The run key, such as <c>2026-02-10</c>.</param>
/// <param name="Status">What the processor reports.</param>
/// <param name="MessageId">The Pub/Sub message id, or <see langword="null"/>.</param>
/// <param name="Details">Free text from the processor (a failure reason), or <see langword="null"/>.</param>
public sealed record CompletionMessage(string? Phase, string Processor, string RunKey, CompletionStatus Status, string? MessageId = null, string? Details = null);
