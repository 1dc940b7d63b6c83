using System.Text;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.GoogleRest;

/// <summary>A request a loopback Google REST fake (Cloud Scheduler, Cloud Run Admin) received, as it arrived.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent (path still percent-encoded, with the query).</param>
/// <param name="Query">The query parameters, decoded (last value wins).</param>
/// <param name="Headers">The headers (case-insensitive names).</param>
/// <param name="Body">The body.</param>
public sealed record RecordedRestRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>Gets the decoded path, without the query.</summary>
    public string Path => Uri.UnescapeDataString(RawTarget.Split('?', 2)[0]);

    /// <summary>Gets the <c>Authorization</c> header, or <see langword="null"/>.</summary>
    public string? Authorization => Headers.GetValueOrDefault("Authorization");

    /// <summary>Gets the body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Parses the body as JSON.</summary>
    /// <returns>The JSON, or <see langword="null"/> when the body is empty.</returns>
    public JsonNode? Json() => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
