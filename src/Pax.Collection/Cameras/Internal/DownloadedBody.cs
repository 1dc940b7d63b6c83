namespace Pax.Collection.Cameras.Internal;

/// <summary>A response body read in full within its size limit.</summary>
/// <param name="Content">The body bytes.</param>
/// <param name="ContentType">The announced media type, or <see langword="null"/>.</param>
/// <param name="Attempts">How many attempts it took.</param>
internal sealed record DownloadedBody(ReadOnlyMemory<byte> Content, string? ContentType, int Attempts);
