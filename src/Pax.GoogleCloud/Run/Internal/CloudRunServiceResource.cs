namespace Pax.GoogleCloud.Run.Internal;

/// <summary>
/// The fields of the v2 <c>Service</c> resource Pax reads (cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service):
/// <c>name</c>, <c>uri</c> (output only, the main URL), <c>urls</c> (output only, all its URLs), <c>invokerIamDisabled</c>,
/// <c>customAudiences</c> ("One or more custom audiences that you want this service to support"; cloud.google.com/run/docs/configuring/custom-audiences)
/// and <c>template</c> (request timeout, environment).
/// </summary>
internal sealed class CloudRunServiceResource
{
    public string? Name { get; set; }

    public string? Uri { get; set; }

    public List<string>? Urls { get; set; }

    public bool? InvokerIamDisabled { get; set; }

    public List<string>? CustomAudiences { get; set; }

    public CloudRunRevisionTemplateResource? Template { get; set; }
}
