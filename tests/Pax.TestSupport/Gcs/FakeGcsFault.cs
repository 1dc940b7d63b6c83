using System.Net;

namespace Pax.TestSupport.Gcs;

/// <summary>A failure a <see cref="FakeGcsServer"/> injects into a matching request (see <see cref="FakeGcsServer.EnqueueFault"/>).</summary>
public sealed class FakeGcsFault
{
    private FakeGcsFault(FakeGcsFaultKind kind, HttpStatusCode statusCode)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    internal FakeGcsFaultKind Kind { get; }

    internal HttpStatusCode StatusCode { get; }

    /// <summary>Answers <paramref name="status"/> with Google's error body without doing anything (a 503 before the commit, a 429).</summary>
    /// <param name="status">The status, such as 429 or 503.</param>
    /// <returns>The fault.</returns>
    public static FakeGcsFault Status(HttpStatusCode status) => new(FakeGcsFaultKind.Status, status);

    /// <summary>Does the work (an upload is committed) and then answers <paramref name="status"/>: "the write succeeded but the response was lost".</summary>
    /// <param name="status">The status sent instead of the real answer.</param>
    /// <returns>The fault.</returns>
    public static FakeGcsFault LoseResponse(HttpStatusCode status = HttpStatusCode.ServiceUnavailable) => new(FakeGcsFaultKind.LoseResponse, status);

    /// <summary>Drops the connection before answering (a transport error on the client).</summary>
    /// <returns>The fault.</returns>
    public static FakeGcsFault AbortConnection() => new(FakeGcsFaultKind.AbortConnection, 0);

    /// <summary>Does the work, sends the headers and half the body, then drops the connection.</summary>
    /// <returns>The fault.</returns>
    public static FakeGcsFault TruncateBody() => new(FakeGcsFaultKind.TruncateBody, 0);

    /// <summary>Never answers; the request ends when the client gives up or the server stops.</summary>
    /// <returns>The fault.</returns>
    public static FakeGcsFault Hang() => new(FakeGcsFaultKind.Hang, 0);

    /// <summary>Does the work, then reports a wrong CRC32C (in the object resource and in <c>x-goog-hash</c>).</summary>
    /// <returns>The fault.</returns>
    public static FakeGcsFault WrongCrc32c() => new(FakeGcsFaultKind.WrongCrc32c, 0);

    /// <summary>Flips one byte of the media an upload request carries before the server reads it (corruption in transit), so a supplied hash no longer matches.</summary>
    /// <returns>The fault.</returns>
    public static FakeGcsFault CorruptUpload() => new(FakeGcsFaultKind.CorruptUpload, 0);

    /// <summary>Serves a download with one byte flipped and the true hashes in <c>x-goog-hash</c>.</summary>
    /// <returns>The fault.</returns>
    public static FakeGcsFault CorruptMedia() => new(FakeGcsFaultKind.CorruptMedia, 0);

    /// <inheritdoc />
    public override string ToString() => Kind == FakeGcsFaultKind.Status || Kind == FakeGcsFaultKind.LoseResponse
        ? $"{Kind} {(int)StatusCode}"
        : Kind.ToString();
}
