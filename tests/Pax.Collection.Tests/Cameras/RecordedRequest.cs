namespace Pax.Collection.Tests.Cameras;

/// <summary>A request a <see cref="LoopbackServer"/> received.</summary>
/// <param name="RawTarget">The request target exactly as sent (path and query, still escaped).</param>
/// <param name="Path">The decoded path.</param>
/// <param name="Query">The query parameters.</param>
/// <param name="UserAgent">The User-Agent header.</param>
/// <param name="Accept">The Accept header.</param>
internal sealed record RecordedRequest(string RawTarget, string Path, IReadOnlyDictionary<string, string> Query, string UserAgent, string Accept);
