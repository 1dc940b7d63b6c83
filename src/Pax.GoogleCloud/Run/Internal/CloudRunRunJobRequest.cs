namespace Pax.GoogleCloud.Run.Internal;

/// <summary>Body of <c>jobs/{job}:run</c>.</summary>
internal sealed class CloudRunRunJobRequest
{
    public CloudRunJobOverrides? Overrides { get; set; }
}
