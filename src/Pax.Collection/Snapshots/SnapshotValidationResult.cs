namespace Pax.Collection.Snapshots;

/// <summary>The verdict of <see cref="SnapshotValidator.Validate"/>.</summary>
/// <param name="IsValid">Whether the image may be stored.</param>
/// <param name="Reason">Why it may not, or <see langword="null"/> when it is valid.</param>
public readonly record struct SnapshotValidationResult(bool IsValid, string? Reason)
{
    /// <summary>Gets the result for a valid image.</summary>
    public static SnapshotValidationResult Valid { get; } = new(true, null);

    /// <summary>Creates the result for an image that is rejected.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static SnapshotValidationResult Invalid(string reason) => new(false, reason);
}
