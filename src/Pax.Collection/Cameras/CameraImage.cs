namespace Pax.Collection.Cameras;

/// <summary>
/// One image fetched from a camera: the bytes exactly as received (no decompression), the content type the server
/// announced, when it was fetched and how many attempts it took. The bytes are not checked to be a JPEG here.
/// </summary>
public sealed class CameraImage
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="cameraId">The camera the image came from.</param>
    /// <param name="content">The body bytes.</param>
    /// <param name="contentType">The <c>Content-Type</c> media type, or <see langword="null"/> when the server sent none.</param>
    /// <param name="fetchedAt">When the body was received (from the client's <see cref="TimeProvider"/>).</param>
    /// <param name="attempts">How many attempts it took (1 when the first succeeded).</param>
    public CameraImage(string cameraId, ReadOnlyMemory<byte> content, string? contentType, DateTimeOffset fetchedAt, int attempts)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        CameraId = cameraId;
        Content = content;
        ContentType = contentType;
        FetchedAt = fetchedAt;
        Attempts = attempts;
    }

    /// <summary>Gets the camera the image came from.</summary>
    public string CameraId { get; }

    /// <summary>Gets the body bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Gets the announced media type (such as <c>image/jpeg</c>), or <see langword="null"/>.</summary>
    public string? ContentType { get; }

    /// <summary>Gets when the body was received.</summary>
    public DateTimeOffset FetchedAt { get; }

    /// <summary>Gets how many attempts it took.</summary>
    public int Attempts { get; }

    /// <summary>Gets the size of the image in bytes.</summary>
    public int Length => Content.Length;
}
