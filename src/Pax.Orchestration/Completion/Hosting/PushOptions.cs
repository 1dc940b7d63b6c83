namespace Pax.Orchestration.Completion.Hosting;

/// <summary>The push intake's timing (<c>Pax:Orchestration:Push</c>); who may push is <see cref="OrchestrationOptions.Authentication"/>.</summary>
public sealed class PushOptions
{
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
