namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// A resumable upload session (cloud.google.com/storage/docs/performing-resumable-uploads): what the initiation
/// fixed (object, content type, metadata, preconditions), the bytes persisted so far, and how it ended.
/// </summary>
internal sealed class FakeGcsSession
{
    private readonly MemoryStream _persisted = new();

    public required string Id { get; init; }

    public required string Bucket { get; init; }

    public required FakeGcsUpload Upload { get; init; }

    public required long? IfGenerationMatch { get; init; }

    public required long? IfGenerationNotMatch { get; init; }

    /// <summary>Gets the lock that serializes requests of this session.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Gets or sets the number of finalisation attempts made so far (for "fail the first attempt").</summary>
    public int FinalisationAttempts { get; set; }

    /// <summary>Gets or sets the answer every later request of a completed or failed session gets again.</summary>
    public FakeGcsResponse? Final { get; set; }

    public long PersistedLength => _persisted.Length;

    public byte[] PersistedBytes => _persisted.ToArray();

    public void Append(ReadOnlySpan<byte> chunk) => _persisted.Write(chunk);
}
