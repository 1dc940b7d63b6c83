namespace Pax.TestSupport.Gcs;

/// <summary>What a <see cref="FakeGcsFault"/> does to the request it hits.</summary>
internal enum FakeGcsFaultKind
{
    Status,
    LoseResponse,
    AbortConnection,
    TruncateBody,
    Hang,
    WrongCrc32c,
    CorruptMedia,
    CorruptUpload,
}
