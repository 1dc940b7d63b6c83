using Pax.Orchestration.Hosting;

namespace Pax.Orchestration.Completion.Hosting;

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

    /// <summary>
    /// Gets or sets the push subscription's ack deadline (<c>ackDeadlineSeconds</c>). The intake answers within it:
    /// authentication, recording and the trigger share a budget of the deadline less one second, and when it runs
    /// out the delivery is answered 503 (a nack, so Pub/Sub redelivers it) instead of being answered after Pub/Sub
    /// has already given up and redelivered a message still being processed. Set the subscription to the same value
    /// (the orchestrator sample's deploy script does).
    /// </summary>
    /// <value>Default 10 seconds (Pub/Sub's default). Between 10 seconds and 10 minutes, as Pub/Sub allows.</value>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(10);
}
