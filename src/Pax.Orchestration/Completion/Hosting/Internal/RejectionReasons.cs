namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>Why a delivery was rejected, in a few stable words: the <c>reason</c> tag of <c>pax.orchestration.deliveries</c> and the <c>RejectionReason</c> log field.</summary>
internal static class RejectionReasons
{
    /// <summary>The delivery is not a Pub/Sub push envelope or Eventarc CloudEvent Pax can read.</summary>
    public const string Envelope = "envelope";

    /// <summary>The message does not follow the completion contract (<c>CompletionWireFormat</c>): missing or unreadable fields, unknown status.</summary>
    public const string Contract = "contract";

    /// <summary>The message follows the contract but the tally refuses its values (unknown phase, invalid name, too many processors).</summary>
    public const string Invalid = "invalid";

    /// <summary>The delivery exceeds <c>Pax:Orchestration:MaxMessageBytes</c>.</summary>
    public const string Oversized = "oversized";
}
