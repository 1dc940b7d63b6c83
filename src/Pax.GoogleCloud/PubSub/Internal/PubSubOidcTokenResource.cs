namespace Pax.GoogleCloud.PubSub.Internal;

/// <summary><c>PushConfig.OidcToken</c>: <c>serviceAccountEmail</c> and <c>audience</c> (the endpoint URL when empty).</summary>
internal sealed class PubSubOidcTokenResource
{
    public string? ServiceAccountEmail { get; set; }

    public string? Audience { get; set; }
}
