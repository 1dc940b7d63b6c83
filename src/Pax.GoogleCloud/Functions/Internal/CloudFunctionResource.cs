namespace Pax.GoogleCloud.Functions.Internal;

/// <summary>
/// The fields of the v2 <c>Function</c> resource Pax reads (cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions#Function):
/// <c>name</c>, <c>url</c> (output only, the <c>https://REGION-PROJECT.cloudfunctions.net/NAME</c> form) and
/// <c>serviceConfig.service</c> (output only: the Cloud Run service behind it, <c>projects/P/locations/R/services/S</c>).
/// </summary>
internal sealed class CloudFunctionResource
{
    public string? Name { get; set; }

    public string? Url { get; set; }

    public CloudFunctionServiceConfigResource? ServiceConfig { get; set; }
}
