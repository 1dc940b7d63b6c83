namespace Pax.TestSupport.Gcs;

/// <summary>A request a <see cref="FakeGcsServer"/> received, as it arrived.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent (path still percent-encoded, with the query).</param>
/// <param name="Query">The query parameters, decoded (last value wins).</param>
/// <param name="Headers">The headers (case-insensitive names; repeated headers keep every value).</param>
/// <param name="Body">The body.</param>
/// <param name="ReceivedAt">When it arrived, by the server's clock.</param>
public sealed record RecordedGcsRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string[]> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// Gets the decoded name of the object the request is about: from the path for get and download, from the
    /// <c>name</c> parameter for media uploads, resumable initiations and session <c>PUT</c>s, from the JSON metadata for
    /// multipart uploads and initiations without <c>name</c> (<see langword="null"/> for lists and unreadable uploads).
    /// Use it in fault predicates:
    /// <c>r =&gt; r.IsUpload &amp;&amp; r.ObjectName == "a.jpg"</c>.
    /// </summary>
    public string? ObjectName { get; init; }

    /// <summary>Gets the raw path (percent-encoded, without the query).</summary>
    public string RawPath => RawTarget.Split('?', 2)[0];

    /// <summary>Gets the <c>Authorization</c> header, or <see langword="null"/>.</summary>
    public string? Authorization => GetHeader("Authorization");

    /// <summary>Gets a value indicating whether this is an upload request (<c>POST /upload/storage/v1/…</c>: a media or multipart upload, or a resumable session's initiation).</summary>
    public bool IsUpload => Method == "POST" && RawPath.StartsWith("/upload/storage/v1/", StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether this is a <c>PUT</c> to a resumable session (a chunk, the last chunk, or a status query).</summary>
    public bool IsUploadChunk => Method == "PUT" && RawPath.StartsWith("/upload/storage/v1/", StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether this request sends to or starts an upload (<see cref="IsUpload"/> or <see cref="IsUploadChunk"/>).</summary>
    public bool IsAnyUpload => IsUpload || IsUploadChunk;

    /// <summary>Gets a value indicating whether this is a media download (<c>alt=media</c>).</summary>
    public bool IsDownload => Method == "GET" && Query.TryGetValue("alt", out var alt) && alt == "media";

    /// <summary>Gets a value indicating whether this is an objects.list call.</summary>
    public bool IsList => Method == "GET" && RawPath.EndsWith("/o", StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether this is an object metadata GET.</summary>
    public bool IsGetMetadata => Method == "GET" && !IsDownload && !IsList;

    /// <summary>Returns a header's values joined with ", ", or <see langword="null"/> when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
}
