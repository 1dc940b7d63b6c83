namespace Pax.GoogleCloud.Functions.Internal;

/// <summary><c>ServiceConfig</c>: <c>service</c> (the Cloud Run service name) and <c>uri</c> (its <c>*.run.app</c> URL).</summary>
internal sealed class CloudFunctionServiceConfigResource
{
    public string? Service { get; set; }

    public string? Uri { get; set; }
}
