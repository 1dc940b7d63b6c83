namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>The wrapped push body and Eventarc's <c>MessagePublishedData</c>: <c>{"message":{…},"subscription":"…"}</c>.</summary>
internal sealed class PushEnvelope
{
    public PushEnvelopeMessage? Message { get; set; }

    public string? Subscription { get; set; }
}
