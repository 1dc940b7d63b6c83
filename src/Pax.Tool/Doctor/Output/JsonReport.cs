using Pax.Tool.Doctor.Findings;

namespace Pax.Tool.Doctor.Output;

/// <summary>The <c>--format json</c> document: <c>{"project","findings":[…],"incomplete":[…],"checked":{…}}</c>.</summary>
internal sealed record JsonReport(string Project, IReadOnlyList<JsonFinding> Findings, IReadOnlyList<IncompleteCheck> Incomplete, CheckedCounts Checked);
