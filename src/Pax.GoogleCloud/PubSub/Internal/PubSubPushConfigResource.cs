namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary><c>PushConfig</c>: the endpoint and the optional <c>oidcToken</c> (the only token kind a push can carry).</summary>
internal sealed class PubSubPushConfigResource
{
    public string? PushEndpoint { get; set; }

    public PubSubOidcTokenResource? OidcToken { get; set; }
}
