using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Dashboard.Internal;

// The dashboard's data, as the pages render it and /pax/api/* returns it (shapes documented in the package README).
// Internal records in one file: they are one contract, serialised by DashboardJsonContext.

/// <summary><c>GET /pax/api/phases</c>.</summary>
internal sealed record PhasesView(DateTimeOffset GeneratedAt, IReadOnlyList<PhaseView> Phases);

/// <summary>
/// One phase with its newest run keys; <c>rejectedLast24Hours</c> counts the deliveries meant for it that were rejected
/// in the last 24 hours (at most 10,000), or <c>rejectedUnavailable</c> says why they could not be counted (a missing
/// Firestore index, named with the command that creates it; <c>null</c> otherwise); <c>expectedFrom</c> is where its
/// expected run keys start (its first deployment, or <c>Expected:Start</c>), <c>null</c> without an expected schedule.
/// </summary>
internal sealed record PhaseView(
    string Name,
    IReadOnlyList<string> Processors,
    int? ExpectedCount,
    int RequiredSuccesses,
    TriggerView Trigger,
    IReadOnlyList<RunKeyRow> RunKeys,
    string? NextPage,
    int RejectedLast24Hours,
    string? RejectedUnavailable,
    DateTimeOffset? ExpectedFrom);

/// <summary>The next phase's trigger: <c>kind</c> is <c>topic</c>, <c>job</c>, <c>url</c>, <c>handler</c> (an in-process next-phase handler, by name) or <c>custom</c>.</summary>
internal sealed record TriggerView(string Kind, string? Target);

/// <summary>
/// A run key's trigger: the phase's (<c>kind</c>, <c>target</c>, as configured now) and <c>traceId</c>, the W3C trace the
/// trigger that fired ran in (the trace of the report that completed the phase, or of a watchdog re-drive), <c>null</c>
/// until it fired or when nothing traced it.
/// </summary>
internal sealed record RunKeyTriggerView(string Kind, string? Target, string? TraceId);

/// <summary>
/// One run key of a phase; <c>state</c> is <c>open</c>, <c>claimed</c>, <c>triggered</c> or <c>none</c> (nobody reported);
/// <c>lastTriggerError</c> is <c>null</c> or <c>{ at, message, attempts }</c> (the last failed trigger attempt while not triggered).
/// </summary>
internal sealed record RunKeyRow(
    string RunKey,
    string State,
    bool Complete,
    bool Overdue,
    bool NobodyReported,
    int Succeeded,
    int RequiredSuccesses,
    IReadOnlyList<ProcessorCell> Processors,
    DateTimeOffset? FirstReportAt,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? DeadlineAt,
    DateTimeOffset? ClaimedUntil,
    DateTimeOffset? TriggeredAt,
    DateTimeOffset? ClaimedAt,
    int Claims,
    TriggerError? LastTriggerError,
    int Failed = 0);

/// <summary>One processor of a run key: <c>status</c> is <c>succeeded</c>, <c>failed</c> or <c>missing</c>.</summary>
internal sealed record ProcessorCell(string Processor, string Status, DateTimeOffset? RecordedAt);

/// <summary>
/// <c>GET /pax/api/phases/{phase}/{runKey}</c>: with <c>lastTriggerError</c> (as in the summary) and the latest rejected
/// deliveries that named this phase and run key (<c>rejected</c>, newest first, at most a page; when they cannot be read,
/// <c>rejectedUnavailable</c> says why, as on the phase).
/// </summary>
internal sealed record RunKeyView(
    string Phase,
    string RunKey,
    RunKeyRow Summary,
    RunKeyTriggerView Trigger,
    string IdempotencyKey,
    TriggerError? LastTriggerError,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<RejectedRow> Rejected,
    string? RejectedUnavailable,
    string? ReportsNext = null);

/// <summary>
/// One event of a run key: <c>kind</c> is <c>first_report</c>, <c>report</c>, <c>claim</c>, <c>redrive</c> (the last claim
/// was not the first), <c>trigger_failed</c> (the last failed trigger attempt, with its message), <c>redrive_due</c> (a
/// claim whose lease ended unmarked: the watchdog re-drives it) or <c>trigger</c>. A report's <c>traceId</c> is the W3C
/// trace it was recorded in (the trace its publisher started, carried in <c>googclient_traceparent</c>), the trigger's the
/// trace it fired in, to find them in Cloud Trace or the logs (<c>logging.googleapis.com/trace</c>).
/// </summary>
internal sealed record TimelineEntry(
    DateTimeOffset At,
    string Kind,
    string? Processor,
    string? Status,
    string? Details,
    string? MessageId,
    string Text,
    string? TraceId = null);

/// <summary><c>GET /pax/api/jobs</c>.</summary>
internal sealed record JobsView(DateTimeOffset GeneratedAt, IReadOnlyList<JobStatusView> Statuses, bool Available);

/// <summary>The jobs in one status.</summary>
internal sealed record JobStatusView(string Status, IReadOnlyList<JobRow> Jobs, string? NextPage);

/// <summary>One job; times in UTC, <c>nextRunLocal</c> in the job's time zone.</summary>
internal sealed record JobRow(
    string Id,
    string Type,
    string Status,
    DateTimeOffset NextRun,
    string NextRunLocal,
    string TimeZone,
    int Attempts,
    int MaxAttempts,
    string? LastError,
    string? LeaseHolder,
    DateTimeOffset? LeaseUntil,
    string? Cron,
    string? Misfire,
    IReadOnlyList<string> NextOccurrences,
    string? Version,
    IReadOnlyList<JobOutcomeView> History);

/// <summary><c>GET /pax/api/rejected</c> (<c>?phase=</c>: only the deliveries meant for that phase, named in <c>phase</c>).</summary>
internal sealed record RejectedView(DateTimeOffset GeneratedAt, string? Phase, IReadOnlyList<RejectedRow> Messages);

/// <summary>One rejected delivery, with the phase, run key and processor (as sent) it named when it could be read.</summary>
internal sealed record RejectedRow(string? MessageId, string Reason, DateTimeOffset ReceivedAt, string? Excerpt, string? Phase, string? RunKey, string? Processor)
{
    public static RejectedRow From(RejectedMessage m) => new(m.MessageId, m.Reason, m.ReceivedAt, m.Excerpt, m.Phase, m.RunKey, m.Processor);
}
