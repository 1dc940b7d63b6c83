namespace Pax.Tool.Doctor.Inventory;

/// <summary>What the live project showed about one resource.</summary>
/// <param name="Resource">The resource: a Scheduler job, a push subscription or a Cloud Run job (REST name).</param>
/// <param name="Lines">Sentences with numbers and times, such as the last attempt's status.</param>
/// <param name="Failure">When the live state shows failure, what failed, in one clause; else <see langword="null"/>.</param>
/// <param name="Fix">The command that shows more (logs, executions) when it fails.</param>
internal sealed record LiveEvidence(string Resource, IReadOnlyList<string> Lines, string? Failure, string Fix);
