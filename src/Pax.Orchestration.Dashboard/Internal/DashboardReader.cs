using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Dashboard.Internal.Search;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// Reads what the phase and run key pages show from the completion store, bounded: per phase one page of
/// <see cref="DashboardOptions.PageSize"/> tallies (<see cref="ICompletionStoreQueries.ListRecentAsync"/>), one count of
/// the deliveries rejected for it in the last 24 hours and, for a phase with an expected schedule, one look-up of at
/// most as many expected run keys since the phase's first deployment (the watchdog's "nobody reported" rule); a run key
/// is one read and one page of the rejected deliveries that named it. Everything goes through Pax.Orchestration's public
/// read API: the stores' reads and <see cref="PhaseStatusReader"/>.
/// </summary>
internal sealed class DashboardReader
{
    private readonly ICompletionStore? _store;
    private readonly ICompletionStoreQueries? _queries;
    private readonly PhaseStatusReader? _status;
    private readonly OrchestrationOptions? _orchestration;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;

    public DashboardReader(IServiceProvider services, IOptions<DashboardOptions> options, TimeProvider time)
    {
        _store = services.GetService<ICompletionStore>();
        _queries = services.GetService<ICompletionStoreQueries>() ?? _store as ICompletionStoreQueries;
        _status = _store is null ? null : services.GetService<PhaseStatusReader>();
        _orchestration = _status is null ? null : services.GetService<IOptions<OrchestrationOptions>>()?.Value;
        _options = options.Value;
        _time = time;
    }

    public IReadOnlyList<PhaseDefinition> Phases => _status?.Phases ?? [];

    public ICompletionStoreQueries? Queries => _queries;

    public PhaseDefinition? FindPhase(string name) => Phases.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public async Task<PhasesView> ReadPhasesAsync(string? onlyPhase, string? after, CancellationToken cancellationToken, TallyFilter? filter = null)
    {
        var now = _time.GetUtcNow();
        var views = new List<PhaseView>();
        foreach (var phase in Phases.Where(p => onlyPhase is null || string.Equals(p.Name, onlyPhase, StringComparison.Ordinal)))
        {
            views.Add(await ReadPhaseAsync(phase, onlyPhase is null ? null : DashboardPaging.Tally(after), now, filter, cancellationToken).ConfigureAwait(false));
        }

        return new PhasesView(now, views);
    }

    /// <summary>A run key's page; a wide tally's reports (<see cref="StoredTally.Counts"/>) a page of <see cref="DashboardOptions.PageSize"/> at a time, after <paramref name="reportsAfter"/>.</summary>
    public async Task<RunKeyView?> ReadRunKeyAsync(string phaseName, string runKey, string? reportsAfter, CancellationToken cancellationToken)
    {
        if (_store is null || _status is null || FindPhase(phaseName) is not { } phase || CompletionNames.ValidateRunKey(runKey) is not null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var tally = await _store.GetAsync(phase.Name, runKey, cancellationToken).ConfigureAwait(false);
        string? reportsNext = null;
        if (tally?.Counts is not null && _queries is not null)
        {
            // Up to 10,000 reports: show a page, never all of them.
            var page = await _queries.ListReportsAsync(phase.Name, runKey, _options.PageSize, reportsAfter, cancellationToken).ConfigureAwait(false);
            tally = tally with { Completions = page.ToDictionary(c => c.Processor, StringComparer.Ordinal) };
            reportsNext = page.Count == _options.PageSize ? page[^1].Processor : null;
        }

        DateTimeOffset? expectedAt = null;
        if (tally is null)
        {
            var expected = await _status.ListExpectedRunKeysAsync(phase, cancellationToken).ConfigureAwait(false);
            expectedAt = expected.FirstOrDefault(k => k.RunKey == runKey)?.ExpectedAt;
        }

        IReadOnlyList<RejectedMessage> rejected = [];
        string? rejectedUnavailable = null;
        try
        {
            rejected = _queries is null ? [] : await _queries.ListRecentRejectedAsync(_options.PageSize, phase.Name, runKey, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreIndexMissingException ex)
        {
            // The rest of the page needs no such index: show it, and say what this part needs.
            rejectedUnavailable = ex.Message;
        }

        if (tally is null && expectedAt is null && rejected.Count == 0 && rejectedUnavailable is null)
        {
            return null;
        }

        var row = Row(phase, tally, runKey, now, expectedAt);
        var trigger = Trigger(phase);
        return new RunKeyView(
            phase.Name,
            runKey,
            row,
            new RunKeyTriggerView(trigger.Kind, trigger.Target, RunKeyTimeline.TraceIdOf(tally?.TriggerTraceParent)),
            PhaseTriggerRequest.IdempotencyKeyFor(phase.Name, runKey),
            row.LastTriggerError,
            RunKeyTimeline.Build(tally, row.LastTriggerError, trigger, _orchestration!.ClaimLease, now),
            rejected.Select(RejectedRow.From).ToList(),
            rejectedUnavailable,
            reportsNext);
    }

    private async Task<PhaseView> ReadPhaseAsync(PhaseDefinition phase, TallyCursor? after, DateTimeOffset now, TallyFilter? filter, CancellationToken cancellationToken)
    {
        var rows = new List<RunKeyRow>();
        string? next = null;
        var rejected = 0;
        string? rejectedUnavailable = null;
        if (_queries is not null)
        {
            (var tallies, next) = await ReadTalliesAsync(_queries, phase, after, now, filter, cancellationToken).ConfigureAwait(false);
            rows.AddRange(tallies.Select(t => Row(phase, t, t.RunKey, now, null)));
            try
            {
                rejected = await _queries.CountRejectedSinceAsync(phase.Name, now - TimeSpan.FromHours(24), cancellationToken).ConfigureAwait(false);
            }
            catch (StoreIndexMissingException ex)
            {
                // The run keys need no such index: show them, and say what the count needs.
                rejectedUnavailable = ex.Message;
            }
        }

        DateTimeOffset? expectedFrom = null;
        if (_store is not null && _status is not null && phase is { Expected: not null, Deadline: not null })
        {
            expectedFrom = await _status.ExpectedFromAsync(phase, cancellationToken).ConfigureAwait(false);
            if (after is null && filter?.State is null or "nobody-reported")
            {
                // The watchdog's rule for run keys nobody reported for, limited to the newest page of expected keys.
                var due = (await _status.ListExpectedRunKeysAsync(phase, cancellationToken).ConfigureAwait(false)).TakeLast(_options.PageSize).ToList();
                var recorded = due.Count == 0
                    ? new HashSet<string>()
                    : await _store.FindRecordedRunKeysAsync(phase.Name, due.Select(d => d.RunKey).ToList(), cancellationToken).ConfigureAwait(false);
                var silent = due.Where(d => !recorded.Contains(d.RunKey) && (filter?.KeepsExpected(d.RunKey, d.ExpectedAt) ?? true)).Reverse().Select(d => Row(phase, null, d.RunKey, now, d.ExpectedAt));
                rows.InsertRange(0, silent);
            }
        }

        return new PhaseView(phase.Name, phase.Processors, phase.ExpectedCount, phase.RequiredSuccesses(), Trigger(phase), rows, next, rejected, rejectedUnavailable, expectedFrom);
    }

    /// <summary>A page of the phase's newest tallies, or of a search (Search/FilteredTallies: one bounded store call, in the search's order), with the next page's cursor.</summary>
    private async Task<(IReadOnlyList<StoredTally> Tallies, string? Next)> ReadTalliesAsync(
        ICompletionStoreQueries queries, PhaseDefinition phase, TallyCursor? after, DateTimeOffset now, TallyFilter? filter, CancellationToken cancellationToken)
    {
        if (filter is not null && _store is not null)
        {
            return await FilteredTallies.ReadAsync(_store, queries, phase, filter, _options.PageSize, after, now, cancellationToken).ConfigureAwait(false);
        }

        var tallies = await queries.ListRecentAsync(phase.Name, _options.PageSize, after, cancellationToken).ConfigureAwait(false);
        return (tallies, tallies.Count == _options.PageSize ? DashboardPaging.Encode(tallies[^1].CreatedAt, tallies[^1].RunKey) : null);
    }

    internal static RunKeyRow Row(PhaseDefinition phase, StoredTally? tally, string runKey, DateTimeOffset now, DateTimeOffset? expectedAt)
    {
        var progress = PhaseStatusReader.Evaluate(phase, tally, runKey, now, expectedAt);
        var reported = tally?.Completions.Values.OrderBy(c => c.Processor, StringComparer.Ordinal)
            .Select(c => new ProcessorCell(c.Processor, c.Status == CompletionStatus.Failed ? "failed" : "succeeded", c.RecordedAt)) ?? [];
        var cells = reported.Concat(progress.Missing.Select(p => new ProcessorCell(p, "missing", null)))
            .OrderBy(c => c.Processor, StringComparer.Ordinal).ToList();
        return new RunKeyRow(
            runKey,
            tally is null ? "none" : StateName(tally.State),
            progress.Complete,
            progress.Overdue,
            tally is null,
            progress.CompletedCount,
            progress.RequiredSuccesses,
            cells,
            progress.FirstCompletionAt,
            expectedAt,
            progress.DeadlineAt,
            progress.ClaimedUntil,
            progress.TriggeredAt,
            tally?.ClaimedAt,
            tally?.Claims ?? 0,
            progress.LastTriggerError,
            progress.FailedCount);
    }

    /// <summary>
    /// The phase's trigger, classified as the orchestrator's startup entry (event 4019) classifies it: a custom trigger, then
    /// a topic, a job, a URL, a handler, else none (the dashboard reads Pax.Orchestration's public API only, so it cannot
    /// call that entry's internal classification; <c>DashboardTriggerTests</c> keeps the two alike).
    /// </summary>
    internal static TriggerView Trigger(PhaseDefinition phase) => phase switch
    {
        { CustomTrigger: { } custom } => new TriggerView("custom", custom.GetType().Name),
        { Trigger.Topic: { Length: > 0 } topic } => new TriggerView("topic", topic),
        { Trigger.Job: { Length: > 0 } job } => new TriggerView("job", job),
        { Trigger.Url: { } url } => new TriggerView("url", url.ToString()),
        { Trigger.Handler: { Length: > 0 } handler } => new TriggerView("handler", handler),
        _ => new TriggerView("none", null),
    };

    private static string StateName(TallyTriggerState state) => state switch
    {
        TallyTriggerState.Claimed => "claimed",
        TallyTriggerState.Triggered => "triggered",
        _ => "open",
    };
}
