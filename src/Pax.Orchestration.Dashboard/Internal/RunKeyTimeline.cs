using System.Diagnostics;
using System.Globalization;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// A run key's timeline from its stored tally: the first report, each processor's report (the one kept: the first, or the
/// success that replaced a failure), the last claim (a re-drive when it was not the first: the store counts claims),
/// the last failed trigger attempt (its message and how many attempts failed), a claim whose lease ended unmarked (a
/// re-drive is due), and the trigger.
/// </summary>
internal static class RunKeyTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(StoredTally? tally, TriggerError? lastTriggerError, TriggerView trigger, TimeSpan claimLease, DateTimeOffset now)
    {
        var entries = new List<TimelineEntry>();
        if (tally is null)
        {
            return entries;
        }

        entries.Add(new TimelineEntry(tally.CreatedAt, "first_report", null, null, null, null, "First report recorded; the tally was created."));
        foreach (var report in tally.Completions.Values.OrderBy(c => c.RecordedAt).ThenBy(c => c.Processor, StringComparer.Ordinal))
        {
            var status = report.Status == CompletionStatus.Failed ? "failed" : "succeeded";
            entries.Add(new TimelineEntry(report.RecordedAt, "report", report.Processor, status, report.Details, report.MessageId, $"{report.Processor} reported {status}.", TraceIdOf(report.TraceParent)));
        }

        AddClaims(entries, tally, claimLease, now);
        if (lastTriggerError is { } error)
        {
            entries.Add(new TimelineEntry(error.At, "trigger_failed", null, "failed", error.Message, null,
                $"Trigger failed ({error.Attempts} failed attempt{(error.Attempts == 1 ? string.Empty : "s")} so far; why under Details): the claim stays and is re-driven after its lease."));
        }

        if (tally.State == TallyTriggerState.Triggered && tally.TriggeredAt is { } triggeredAt)
        {
            entries.Add(new TimelineEntry(triggeredAt, "trigger", null, null, null, null, $"Next phase triggered ({trigger.Kind}{(trigger.Target is null ? string.Empty : " " + trigger.Target)}).", TraceIdOf(tally.TriggerTraceParent)));
        }

        return entries.OrderBy(e => e.At).ToList();
    }

    private static void AddClaims(List<TimelineEntry> entries, StoredTally tally, TimeSpan claimLease, DateTimeOffset now)
    {
        var claimed = tally.State == TallyTriggerState.Claimed;

        // Tallies stored before _claimedAt/claimed_at existed: the claim was taken one lease (ClaimLease) before its end.
        var claimedAt = tally.ClaimedAt ?? (claimed && tally.ClaimedUntil is { } end ? end - claimLease : null);
        if (claimedAt is not { } at)
        {
            return;
        }

        var lease = claimed && tally.ClaimedUntil is { } until ? $" until {Time(until)}" : string.Empty;
        var text = tally.Claims > 1
            ? $"Re-driven: claimed for the trigger again{lease} (claim {tally.Claims}; the {Ordinal(tally.Claims - 1)} claim's lease ended without the trigger being marked)."
            : $"Claimed for the trigger{lease}.";
        entries.Add(new TimelineEntry(at, tally.Claims > 1 ? "redrive" : "claim", null, null, null, null, text));
        if (claimed && tally.ClaimedUntil is { } ended && ended <= now)
        {
            entries.Add(new TimelineEntry(ended, "redrive_due", null, null, null, null,
                "The claim's lease ended without the trigger being marked done: the next delivery or the watchdog re-drives it (receivers deduplicate on the idempotency key)."));
        }
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The trace id of a W3C traceparent (<c>00-{32 hex}-{16 hex}-{2 hex}</c>), or <see langword="null"/> when there is none or it is malformed.</summary>
    public static string? TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId.ToHexString() : null;
}
