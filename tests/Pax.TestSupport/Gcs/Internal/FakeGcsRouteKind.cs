namespace Pax.TestSupport.Gcs.Internal;

/// <summary>The JSON API calls a <see cref="FakeGcsServer"/> implements.</summary>
internal enum FakeGcsRouteKind
{
    Upload,
    ResumableChunk,
    GetObject,
    Download,
    List,
}
