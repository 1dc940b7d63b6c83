namespace Pax.TestSupport.CloudRun;

/// <summary>What a fake Cloud Run service's serving template and audiences say (<c>template.timeout</c>, the container's <c>env</c>, <c>customAudiences</c>).</summary>
public sealed record FakeServiceTemplate
{
    /// <summary>Gets the request timeout as a Duration (default <c>300s</c>, Cloud Run's own default, which it always returns).</summary>
    public string Timeout { get; init; } = "300s";

    /// <summary>Gets the container's literal environment variables.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the service's custom audiences.</summary>
    public IReadOnlyList<string> CustomAudiences { get; init; } = [];
}
