namespace Pax.Orchestration.Hosting;

/// <summary>Push authentication (<c>Pax:Orchestration:Push</c>).</summary>
public sealed class PushOptions
{
    /// <summary>Gets or sets the mode.</summary>
    /// <value>Default <see cref="PushAuthenticationMode.CloudRunIam"/>; <see cref="PushAuthenticationMode.None"/> must be set explicitly.</value>
    public PushAuthenticationMode Authentication { get; set; } = PushAuthenticationMode.CloudRunIam;

    /// <summary>Gets or sets the audience the token must carry (the push subscription's <c>oidcToken.audience</c>, by default the endpoint URL).</summary>
    /// <value>Default <see langword="null"/>: not checked in <see cref="PushAuthenticationMode.CloudRunIam"/> (Cloud Run checked it); required for <see cref="PushAuthenticationMode.VerifySignature"/>.</value>
    public string? Audience { get; set; }

    /// <summary>Gets or sets the service accounts whose tokens are accepted (the push subscription's <c>oidcToken.serviceAccountEmail</c>).</summary>
    /// <value>Default empty; at least one is required unless the mode is <see cref="PushAuthenticationMode.None"/>.</value>
    public List<string> AllowedServiceAccounts { get; set; } = [];
}
