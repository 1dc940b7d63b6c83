namespace Pax.Tool.Doctor.Output;

/// <summary>
/// A finding in the JSON document: <c>id</c>, <c>severity</c> (<c>error|warning|info</c>), <c>resource</c>, <c>target</c>,
/// <c>member</c> (null when none), <c>message</c>, <c>fix</c>, <c>evidence</c> (sentences about the live project; empty when none).
/// </summary>
internal sealed record JsonFinding(string Id, string Severity, string Resource, string Target, string? Member, string Message, string Fix, IReadOnlyList<string> Evidence);
