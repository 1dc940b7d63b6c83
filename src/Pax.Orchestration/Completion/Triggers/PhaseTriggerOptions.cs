namespace Pax.Orchestration.Completion.Triggers;

/// <summary>What a complete phase starts (<c>Pax:Orchestration:Phases:N:Trigger</c>): set exactly one of <see cref="Topic"/>, <see cref="Job"/>, <see cref="Url"/> and <see cref="Handler"/>.</summary>
public sealed class PhaseTriggerOptions
{
    /// <summary>Gets or sets a Pub/Sub topic to publish the next-phase message to: <c>projects/P/topics/T</c>.</summary>
    public string? Topic { get; set; }

    /// <summary>Gets or sets a Cloud Run job to run (OAuth access token, Admin API v2): <c>projects/P/locations/R/jobs/J</c>.</summary>
    public string? Job { get; set; }

    /// <summary>Gets or sets an HTTPS endpoint to POST to with an OIDC ID token (a Cloud Run service; never a <c>*.googleapis.com</c> API).</summary>
    public Uri? Url { get; set; }

    /// <summary>Gets or sets the ID token's audience for <see cref="Url"/>.</summary>
    /// <value>Default <see langword="null"/>: the URL's scheme, host and port (Cloud Run's default audience).</value>
    public string? Audience { get; set; }

    /// <summary>
    /// Gets or sets the name of a next-phase handler in this process (<see cref="INextPhaseHandler"/>, registered with
    /// <c>services.AddNextPhaseHandler&lt;THandler&gt;("name")</c>), called through an <see cref="InProcessPhaseTrigger"/>:
    /// for local development and tests, in place of a <see cref="Topic"/>, <see cref="Job"/> or <see cref="Url"/>.
    /// </summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? Handler { get; set; }
}
