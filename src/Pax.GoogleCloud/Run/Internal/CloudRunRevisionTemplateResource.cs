namespace Pax.GoogleCloud.Run.Internal;

/// <summary>
/// The fields of a v2 Service's <c>template</c> (<c>RevisionTemplate</c>) Pax reads: <c>timeout</c> ("Max allowed time for
/// an instance to respond to a request", a Duration; Cloud Run fills in its default, 300 s) and the containers' <c>env</c>
/// (cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#RevisionTemplate).
/// </summary>
internal sealed class CloudRunRevisionTemplateResource
{
    public string? Timeout { get; set; }

    public List<CloudRunContainer>? Containers { get; set; }
}
