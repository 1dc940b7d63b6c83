using Pax.Collection.Runs;

namespace Pax.Collection.Internal.Reports;

/// <summary>The snake-case names outcomes have in reports, logs' metric tags and the HTML page.</summary>
internal static class ReportWireNames
{
    public static string Of(CameraOutcomeKind outcome) => outcome switch
    {
        CameraOutcomeKind.Stored => "stored",
        CameraOutcomeKind.AlreadyStored => "already_stored",
        CameraOutcomeKind.Offline => "offline",
        CameraOutcomeKind.MissingFromApi => "missing_from_api",
        CameraOutcomeKind.Invalid => "invalid",
        CameraOutcomeKind.Stale => "stale",
        CameraOutcomeKind.TimedOut => "timed_out",
        CameraOutcomeKind.Failed => "failed",
        CameraOutcomeKind.Rejected => "rejected",
        CameraOutcomeKind.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static CameraOutcomeKind? Parse(string? name)
    {
        foreach (var kind in Enum.GetValues<CameraOutcomeKind>())
        {
            if (string.Equals(Of(kind), name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
