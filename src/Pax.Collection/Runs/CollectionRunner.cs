using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Selection;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;
using Pax.GoogleCloud.Tracing.Internal;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Processing;
using Pax.Collection.Internal.RunEngine;
using Pax.Collection.Internal.Reports;
using Pax.Collection.Internal.Completion;
using Pax.Collection.Internal.Telemetry;

namespace Pax.Collection.Runs;

/// <summary>
/// Runs one collection: lists the cameras, selects this task's shard, fetches each image with bounded concurrency
/// under an overall deadline, validates and stores it create-only, then writes the run report next to the images.
/// A re-run of a slot fetches only the snapshots the slot lacks and rewrites nothing.
/// </summary>
public sealed class CollectionRunner
{
    private readonly ICameraSource _source;
    private readonly ISnapshotSink _sink;
    private readonly CollectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly CollectionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ReportArtifacts _reports;
    private readonly ICompletionPublisher? _completionPublisher;

    /// <summary>Initializes a runner.</summary>
    /// <param name="source">Where cameras and images come from.</param>
    /// <param name="sink">Where snapshots go.</param>
    /// <param name="options">The run settings.</param>
    /// <param name="timeProvider">The clock (slots, deadline, timings).</param>
    /// <param name="meterFactory">Creates the <c>Pax.Collection</c> meter.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="completionPublisher">
    /// Publishes the run's completion when <see cref="CollectionOptions.CompletionTopic"/> is set: <see cref="CompletionPublisher"/>
    /// (Pub/Sub, what <c>AddPaxCollection</c> registers) or Pax.Orchestration's in-process transport.
    /// </param>
    public CollectionRunner(ICameraSource source, ISnapshotSink sink, IOptions<CollectionOptions> options, TimeProvider timeProvider, IMeterFactory meterFactory, ILogger<CollectionRunner> logger, ICompletionPublisher? completionPublisher = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _metrics = new CollectionMetrics(meterFactory);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _reports = new ReportArtifacts(sink, logger);
        _completionPublisher = completionPublisher;
        if (_options.CompletionTopic is not null && completionPublisher is null)
        {
            throw new ArgumentException($"{CollectionOptions.SectionName}:CompletionTopic is set, but no completion publisher was given.", nameof(completionPublisher));
        }
    }

    /// <summary>How long a cancelled run may take to write its report: 5 seconds, within the 10 seconds Cloud Run leaves between SIGTERM and SIGKILL.</summary>
    public static readonly TimeSpan CancelledReportGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Collects one slot for one task and writes its report.</summary>
    /// <param name="request">What to collect.</param>
    /// <param name="cancellationToken">
    /// Cancels the run; in-flight writes leave no partial snapshot. Once cameras are being collected, a cancelled run
    /// still writes its report (cameras it did not reach are <see cref="CameraOutcomeKind.Cancelled"/>, within
    /// <see cref="CancelledReportGracePeriod"/>), publishes no completion, and throws <see cref="CollectionCancelledException"/>
    /// carrying that report.
    /// </param>
    /// <returns>
    /// The report; check <see cref="CollectionReport.Succeeded"/> and <see cref="CollectionReport.ArtifactFailures"/>
    /// (a report that could not be written is logged and listed there, never thrown) for the exit code.
    /// </returns>
    /// <exception cref="CollectionFailedException">The camera list could not be had or was empty, or the sink could not be used or refused access (checked before any fetch; nothing was stored), or it ran out of space; or the snapshots are stored but the completion could not be published (whatever the <see cref="Pax.Orchestration.Completion.ICompletionPublisher"/> threw is the inner exception).</exception>
    /// <exception cref="CollectionCancelledException">The run was cancelled while collecting; its report was written.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled before collecting began; nothing was written.</exception>
    public async Task<CollectionReport> RunAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The run, its cameras and its completion continue the trace the execution was started in (TRACEPARENT).
        using var span = TraceContextText.StartContinuing(CollectionTracing.Source, "collector run", ActivityKind.Internal, request.Task.TraceContext);
        span?.SetTag("pax.task_index", request.Task.Index);
        try
        {
            var report = await RunInSpanAsync(request, cancellationToken).ConfigureAwait(false);
            span?.SetTag("pax.run_key", PhaseHandover.SlotRunKey(report.Slot));
            span?.SetTag("pax.succeeded", report.Succeeded);
            return report;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            span?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
    }

    private async Task<CollectionReport> RunInSpanAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        var startedAt = _timeProvider.GetUtcNow();
        var slot = SnapshotSlots.Floor(request.Slot ?? startedAt, _options.SlotInterval);
        var slotPath = SnapshotKey.GetSlotPath(slot);
        var plan = await PlanAsync(request, slot, slotPath, cancellationToken).ConfigureAwait(false);
        CollectionLog.RunStarting(_logger, slot, request.Task.Index, request.Task.Count, plan.Cameras.Count + plan.Settled.Count, request.Selection.ToString(), _sink.Location);

        var collected = await CollectAsync(plan, slot, request.Progress, cancellationToken).ConfigureAwait(false);
        var report = new CollectionReport
        {
            Slot = slot,
            Task = request.Task,
            Sink = _sink.Location,
            SlotPath = slotPath,
            Selection = request.Selection.ToString(),
            StartedAt = startedAt,
            FinishedAt = _timeProvider.GetUtcNow(),
            MinStoredRatio = _options.MinStoredRatio,
            Cameras = [.. plan.Settled.Concat(collected).OrderBy(c => c.CameraId, StringComparer.Ordinal)],
            Cancelled = cancellationToken.IsCancellationRequested,
        };
        if (report.Cancelled)
        {
            await WriteCancelledReportAsync(report, cancellationToken).ConfigureAwait(false);
        }

        report = report with { ArtifactFailures = await _reports.WriteAsync(report, cancellationToken).ConfigureAwait(false) };
        Finish(report);
        await PublishCompletionAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task WriteCancelledReportAsync(CollectionReport report, CancellationToken cancellationToken)
    {
        using var grace = new CancellationTokenSource(CancelledReportGracePeriod, _timeProvider);
        try
        {
            await _reports.WriteAsync(report, grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or UnauthorizedAccessException or SnapshotSinkException)
        {
            CollectionLog.CancelledReportNotWritten(_logger, report.Slot, ex);
        }

        Finish(report);
        CollectionLog.RunCancelled(_logger, report.Slot, report.Cameras.Count(c => c.Outcome != CameraOutcomeKind.Cancelled), report.Cameras.Count);
        throw new CollectionCancelledException(report, cancellationToken);
    }

    private async Task PublishCompletionAsync(CollectionReport report, CancellationToken cancellationToken)
    {
        if (_options.CompletionTopic is not { } topic)
        {
            return;
        }

        var completion = CompletionNotice.Create(report, _options.CompletionPhase);
        try
        {
            var id = await _completionPublisher!.PublishAsync(topic, completion, cancellationToken).ConfigureAwait(false);
            CollectionLog.CompletionPublished(_logger, topic, completion.Processor, completion.RunKey, CompletionWireFormat.StatusValue(completion.Status), id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the transport (Pub/Sub, the in-process one, a user's own ICompletionPublisher) throws, the snapshots
            // are stored and only the report is missing: failing the task makes Cloud Run retry it, and the retry (which
            // stores nothing twice) publishes the completion again — the orchestrator records it once.
            throw new CollectionFailedException($"The run stored its snapshots but could not publish its completion to {topic}: {ex.Message}", ex);
        }
    }

    private async Task<RunPlan> PlanAsync(CollectionRequest request, DateTimeOffset slot, string slotPath, CancellationToken cancellationToken)
    {
        // The camera list and the sink's state of the slot are read at once: neither needs the other, both wait on the
        // network (the camera API; Cloud Storage), and in a new process each has its own first-use work for a second core.
        // Only reads: a run whose camera list fails writes nothing, not even the slot's folder.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var state = Task.Run(() => ReadSlotStateAsync(request, slot, slotPath, reading.Token), CancellationToken.None);
        IReadOnlyList<Camera> listed;
        try
        {
            listed = await ListCamerasAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // No camera list, no run: the sink's reads are stopped, and their outcome (whatever it is) is not the run's.
            await reading.CancelAsync().ConfigureAwait(false);
            await state.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        // Before any fetch: a sink that cannot be written or read fails the run now, not after every camera.
        var (existing, previousHashes, earlier) = await state.ConfigureAwait(false);
        try
        {
            await _sink.PrepareSlotAsync(slotPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw SinkUnusable(ex);
        }
        var planner = new RunPlanner(request.Task.Shard, slot);
        var plan = planner.Plan(CameraSelector.Select(listed, request.Selection), existing, previousHashes, earlier);
        if (existing.Count > 0)
        {
            CollectionLog.ResumingSlot(_logger, slot, plan.Settled.Count(c => c.Outcome == CameraOutcomeKind.AlreadyStored));
        }

        return plan;
    }

    private async Task<IReadOnlyList<Camera>> ListCamerasAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Camera> listed;
        try
        {
            listed = await _source.GetCamerasAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CameraApiException ex)
        {
            throw new CollectionFailedException(ex.Message, ex);
        }

        return listed.Count > 0 ? listed : throw new CollectionFailedException("The camera API returned an empty camera list; nothing to collect.");
    }

    /// <summary>The snapshots the slot holds, the previous slot's hashes and this slot's earlier report lines (reads only).</summary>
    private async Task<(IReadOnlySet<string> Existing, IReadOnlyDictionary<string, string> PreviousHashes, IReadOnlyDictionary<string, ReportCamera> Earlier)> ReadSlotStateAsync(
        CollectionRequest request, DateTimeOffset slot, string slotPath, CancellationToken cancellationToken)
    {
        (IReadOnlySet<string>, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, ReportCamera>) state;
        try
        {
            var existing = await _sink.ListSnapshotsAsync(slotPath, cancellationToken).ConfigureAwait(false);
            var earlier = existing.Count > 0
                ? await _reports.ReadCamerasAsync(slotPath, request.Task, cancellationToken).ConfigureAwait(false)
                : new Dictionary<string, ReportCamera>();
            var previousSlotPath = SnapshotKey.GetSlotPath(slot - _options.SlotInterval);
            state = (existing, await _reports.ReadHashesAsync(previousSlotPath, request.Task, cancellationToken).ConfigureAwait(false), earlier);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw SinkUnusable(ex);
        }

        // Still before the camera list arrives, as a rule: the report's serializer is made ready off the run's path.
        ReportArtifacts.Prepare();
        return state;
    }

    private CollectionFailedException SinkUnusable(Exception ex) => new($"The sink {_sink.Location} could not be used: {ex.Message}", ex);

    private async Task<List<CameraOutcome>> CollectAsync(RunPlan plan, DateTimeOffset slot, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken)
    {
        var counter = new ProgressCounter(plan.Cameras.Count + plan.Settled.Count, progress);
        foreach (var settled in plan.Settled)
        {
            Record(settled, counter);
        }

        using var slots = new CollectionSlots(_options.Concurrency, _options.UploadConcurrency);
        var collector = new CameraCollector(_source, _sink, new SnapshotValidator(_options.Validation), _options, slots, _timeProvider);
        var collection = new SlotCollection(collector, slot, _options.Deadline, _timeProvider);
        var results = await collection.RunAsync(plan.Cameras, outcome => Record(outcome, counter), cancellationToken).ConfigureAwait(false);
        if (collection.DeadlineReached)
        {
            CollectionLog.DeadlineReached(_logger, _options.Deadline);
        }

        return [.. results];
    }

    private void Record(CameraOutcome outcome, ProgressCounter progress)
    {
        _metrics.RecordCamera(outcome);
        if (outcome.IsStored)
        {
            CollectionLog.CameraStored(_logger, outcome.CameraId, outcome.CameraName, outcome.Outcome);
        }
        else
        {
            CollectionLog.CameraNotStored(_logger, outcome.CameraId, outcome.CameraName, outcome.Outcome, outcome.Reason);
        }

        progress.Report(outcome);
    }

    private void Finish(CollectionReport report)
    {
        _metrics.RecordRun(report);
        var stored = report.Count(CameraOutcomeKind.Stored);
        var already = report.Count(CameraOutcomeKind.AlreadyStored);
        CollectionLog.RunFinished(_logger, report.Slot, stored, already, report.Eligible - stored - already, report.Eligible, report.StoredRatio, report.MinStoredRatio, (long)report.Duration.TotalMilliseconds);
        if (!report.Succeeded && !report.Cancelled)
        {
            CollectionLog.RatioUnderFloor(_logger, report.Slot, report.StoredRatio, report.MinStoredRatio);
        }
    }
}
