namespace Pax.GoogleCloud.Run.Internal;

/// <summary>
/// The fields of the v2 <c>Service</c> resource Pax reads (cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service):
/// <c>name</c>, <c>uri</c> (output only, the main URL), <c>urls</c> (output only, all its URLs) and <c>invokerIamDisabled</c>.
/// </summary>
internal sealed class CloudRunServiceResource
{
    public string? Name { get; set; }

    public string? Uri { get; set; }

    public List<string>? Urls { get; set; }

    public bool? InvokerIamDisabled { get; set; }
}
