namespace Pax.Collection.Runs;

/// <summary>One selected camera's line in the run report.</summary>
public sealed record CameraOutcome
{
    /// <summary>Gets the camera id as the provider gave it.</summary>
    public required string CameraId { get; init; }

    /// <summary>Gets the camera's name.</summary>
    public required string CameraName { get; init; }

    /// <summary>Gets what happened.</summary>
    public required CameraOutcomeKind Outcome { get; init; }

    /// <summary>Gets why, for every outcome other than stored or already stored; otherwise <see langword="null"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the snapshot's object name when it is (or already was) stored.</summary>
    public string? ObjectName { get; init; }

    /// <summary>Gets the image size in bytes, when fetched.</summary>
    public int? Bytes { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the image, when fetched (or carried over from an earlier report of the slot).</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets the number of HTTP attempts the fetch took (0 when not fetched).</summary>
    public int Attempts { get; init; }

    /// <summary>Gets when the image was fetched, if it was.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>Gets how long this camera took, fetch and write included.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets a value indicating whether the camera's snapshot is in the sink after this run.</summary>
    public bool IsStored => Outcome is CameraOutcomeKind.Stored or CameraOutcomeKind.AlreadyStored;
}
