namespace Pax.GoogleCloud.Run;

/// <summary>A Cloud Run service as listed by the Admin API v2.</summary>
/// <param name="Name">The resource name: <c>projects/P/locations/R/services/S</c>.</param>
/// <param name="Urls">Its URLs (<c>uri</c> and <c>urls</c>), such as <c>https://s-abc123-ue.a.run.app</c>.</param>
/// <param name="InvokerIamDisabled">Whether the invoker IAM check is disabled (<c>invokerIamDisabled</c>): anyone can call it.</param>
internal sealed record CloudRunService(string Name, IReadOnlyList<Uri> Urls, bool InvokerIamDisabled)
{
    /// <summary>Gets the custom audiences an ID token may name besides the service's URLs (<c>customAudiences</c>; read by <c>pax doctor</c>).</summary>
    internal IReadOnlyList<string> CustomAudiences { get; init; } = [];

    /// <summary>Gets the request timeout of the serving template (<c>template.timeout</c>), or <see langword="null"/> when not given.</summary>
    internal TimeSpan? RequestTimeout { get; init; }

    /// <summary>Gets the literal environment variables of the template's containers (the first container that sets a name wins).</summary>
    internal IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
