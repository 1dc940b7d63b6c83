using System.Text.Json;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Completion;

/// <summary>
/// The completion message on the wire — the one place its field names and status values are written. A processor
/// publishes JSON data <c>{"phase"?, "processor", "runKey", "status", "details"?}</c> and the same fields (all but
/// <c>details</c>) as Pub/Sub attributes, so push subscriptions with payload unwrapping carry them too. The intake
/// (Pax.Orchestration) reads these names; a message without them is acknowledged and recorded as rejected.
/// </summary>
public static class CompletionWireFormat
{
    /// <summary>The phase field: <c>phase</c> (optional when the orchestrator has one phase).</summary>
    public const string PhaseField = "phase";

    /// <summary>The processor field: <c>processor</c>, such as <c>collector/3</c>.</summary>
    public const string ProcessorField = "processor";

    /// <summary>The run key field: <c>runKey</c>, such as <c>2026-02-10T14:30:00Z</c>.</summary>
    public const string RunKeyField = "runKey";

    /// <summary>The status field: <c>status</c>, <see cref="SucceededValue"/> or <see cref="FailedValue"/>.</summary>
    public const string StatusField = "status";

    /// <summary>The free-text details field: <c>details</c> (data only, never an attribute).</summary>
    public const string DetailsField = "details";

    /// <summary>The status value of <see cref="CompletionStatus.Succeeded"/>: <c>succeeded</c>.</summary>
    public const string SucceededValue = "succeeded";

    /// <summary>The status value of <see cref="CompletionStatus.Failed"/>: <c>failed</c>.</summary>
    public const string FailedValue = "failed";

    /// <summary>Gets every field name, in wire order.</summary>
    public static IReadOnlyList<string> Fields { get; } = [PhaseField, ProcessorField, RunKeyField, StatusField, DetailsField];

    /// <summary>Returns the wire value of <paramref name="status"/>.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see cref="SucceededValue"/> or <see cref="FailedValue"/>.</returns>
    public static string StatusValue(CompletionStatus status) => status == CompletionStatus.Failed ? FailedValue : SucceededValue;

    /// <summary>
    /// Encodes <paramref name="message"/> as the Pub/Sub message processors publish (its message id is ignored: Pub/Sub
    /// assigns one). Internal, as Pax's Pub/Sub record is: <see cref="CompletionPublisher"/> and the in-process transport
    /// of Pax.Orchestration publish through it.
    /// </summary>
    /// <param name="message">The completion.</param>
    /// <returns>The outgoing message: JSON data plus the <c>phase</c>, <c>processor</c>, <c>runKey</c> and <c>status</c> attributes.</returns>
    internal static PubSubOutgoingMessage Encode(CompletionMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var status = StatusValue(message.Status);
        var wire = new CompletionWireMessage(message.Phase, message.Processor, message.RunKey, status, message.Details);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProcessorField] = message.Processor,
            [RunKeyField] = message.RunKey,
            [StatusField] = status,
        };
        if (message.Phase is not null)
        {
            attributes[PhaseField] = message.Phase;
        }

        return new PubSubOutgoingMessage
        {
            Data = JsonSerializer.SerializeToUtf8Bytes(wire, CompletionJsonContext.Default.CompletionWireMessage),
            Attributes = attributes,
        };
    }
}
