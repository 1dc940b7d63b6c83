namespace Pax.Orchestration.Completion;

/// <summary>The result of recording a report.</summary>
/// <param name="Disposition">What was done with the report.</param>
/// <param name="Reason">Why it was rejected, or <see langword="null"/>.</param>
/// <param name="Progress">The tally's progress after the call, or <see langword="null"/> when rejected.</param>
/// <param name="Drive">What the trigger attempt came to.</param>
public sealed record CompletionReceipt(ReportDisposition Disposition, string? Reason, TallyProgress? Progress, DriveOutcome Drive)
{
    /// <summary>Creates a rejection.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static CompletionReceipt Rejected(string reason) => new(ReportDisposition.Rejected, reason, null, DriveOutcome.NotComplete);
}
