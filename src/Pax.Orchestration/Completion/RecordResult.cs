namespace Pax.Orchestration.Completion;

/// <summary>The result of recording a report.</summary>
/// <param name="Outcome">What was done with the report.</param>
/// <param name="Reason">Why it was rejected, or <see langword="null"/>.</param>
/// <param name="Status">The tally's status after the call, or <see langword="null"/> when rejected.</param>
/// <param name="Drive">What the trigger attempt came to.</param>
public sealed record RecordResult(RecordOutcome Outcome, string? Reason, TallyStatus? Status, DriveOutcome Drive)
{
    /// <summary>Creates a rejection.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static RecordResult Rejected(string reason) => new(RecordOutcome.Rejected, reason, null, DriveOutcome.NotComplete);
}
