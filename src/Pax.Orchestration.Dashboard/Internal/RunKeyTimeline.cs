using System.Globalization;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// A run key's timeline from its stored tally: the first report, each processor's report (the one kept: the first, or the
/// success that replaced a failure), the current claim, a claim whose lease ended unmarked (a re-drive is due), and the trigger.
/// </summary>
internal static class RunKeyTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(StoredTally? tally, TriggerView trigger, TimeSpan claimLease, DateTimeOffset now)
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
            entries.Add(new TimelineEntry(report.RecordedAt, "report", report.Processor, status, report.Details, report.MessageId, $"{report.Processor} reported {status}."));
        }

        if (tally.State == TallyTriggerState.Claimed && tally.ClaimedUntil is { } until)
        {
            // The store keeps the lease's end; the claim was taken one lease (Pax:Orchestration:ClaimLease) before it.
            entries.Add(new TimelineEntry(until - claimLease, "claim", null, null, null, null, $"Claimed for the trigger until {Time(until)}."));
            if (until <= now)
            {
                entries.Add(new TimelineEntry(until, "redrive_due", null, null, null, null,
                    "The claim's lease ended without the trigger being marked done: the next delivery or the watchdog re-drives it (receivers deduplicate on the idempotency key)."));
            }
        }

        if (tally.State == TallyTriggerState.Triggered && tally.TriggeredAt is { } triggeredAt)
        {
            entries.Add(new TimelineEntry(triggeredAt, "trigger", null, null, null, null, $"Next phase triggered ({trigger.Kind}{(trigger.Target is null ? string.Empty : " " + trigger.Target)})."));
        }

        return entries.OrderBy(e => e.At).ToList();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
