namespace Pax.Collection.Selection.Internal;

/// <summary>The manifest file: <c>{"metadata":{…},"cameras":[…]}</c> (the seed system's format, read and written).</summary>
internal sealed class ManifestDocument
{
    public ManifestMetadata? Metadata { get; set; }

    public List<ManifestCameraRecord>? Cameras { get; set; }
}
