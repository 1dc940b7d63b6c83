namespace Pax.Orchestration.Tests.Support;

/// <summary>A request <see cref="RecordingServer"/> received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
