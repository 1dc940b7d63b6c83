using System.Globalization;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// The <c>after</c> query value of a next page: <c>{UTC ticks}~{run key or job id}</c>. A value that is not of that shape,
/// or whose key breaks the stores' own rule (<see cref="CompletionNames.ValidateRunKey"/>, <see cref="ScheduledJob.IsValidId"/>),
/// reads as no cursor (the first page): such a key never reaches a store, where Firestore would refuse it as a document id.
/// </summary>
internal static class DashboardPaging
{
    public static string Encode(DateTimeOffset at, string key) => at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "~" + key;

    public static TallyCursor? Tally(string? after) =>
        Parse(after) is { } p && CompletionNames.ValidateRunKey(p.Key) is null ? new TallyCursor(p.At, p.Key) : null;

    public static ScheduledJobCursor? Job(string? after) =>
        Parse(after) is { } p && ScheduledJob.IsValidId(p.Key) ? new ScheduledJobCursor(p.At, p.Key) : null;

    private static (DateTimeOffset At, string Key)? Parse(string? after)
    {
        var tilde = after?.IndexOf('~', StringComparison.Ordinal) ?? -1;
        if (tilde <= 0 || tilde == after!.Length - 1
            || !long.TryParse(after.AsSpan(0, tilde), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), after[(tilde + 1)..]);
    }
}
