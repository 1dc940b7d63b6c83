namespace Pax.Collection.Runs;

/// <summary>
/// A collection run was cancelled (SIGTERM from Cloud Run, Ctrl+C) while it collected. Its report, with the cameras it
/// did not reach as <see cref="CameraOutcomeKind.Cancelled"/>, was written before this was thrown (unless the sink
/// failed too, which is logged). Snapshots stored so far are kept; a re-run fetches only the missing ones.
/// </summary>
public sealed class CollectionCancelledException : OperationCanceledException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="report">The report of what the run did before it was cancelled.</param>
    /// <param name="cancellationToken">The token that cancelled the run.</param>
    public CollectionCancelledException(CollectionReport report, CancellationToken cancellationToken)
        : base("The collection run was cancelled; its report lists what was done.", cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
    }

    /// <summary>Gets the report of what the run did before it was cancelled.</summary>
    public CollectionReport Report { get; }
}
