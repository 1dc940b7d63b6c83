using System.Runtime.ExceptionServices;
using Pax.Collection.Runs;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Internal.RunEngine;

/// <summary>
/// Collects a run's planned cameras concurrently under the run's deadline. Every camera is started at once and waits
/// for a fetch slot in plan order (the collector bounds the fetches); when the deadline passes, cameras still waiting
/// or fetching end <see cref="CameraOutcomeKind.TimedOut"/>, while images already fetched are still written. When the
/// caller cancels, every camera not yet collected ends <see cref="CameraOutcomeKind.Cancelled"/> (writes in flight are
/// cancelled too and leave nothing behind) and the results are returned for the report. A fatal error (the sink refused
/// access or is full) stops the rest.
/// </summary>
internal sealed class SlotCollection(CameraCollector collector, DateTimeOffset slot, TimeSpan deadline, TimeProvider timeProvider)
{
    public bool DeadlineReached { get; private set; }

    public async Task<CameraOutcome[]> RunAsync(IReadOnlyList<PlannedCamera> cameras, Action<CameraOutcome> record, CancellationToken cancellationToken)
    {
        var results = new CameraOutcome[cameras.Count];
        using var deadlineSource = new CancellationTokenSource(deadline, timeProvider);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);
        ExceptionDispatchInfo? fatal = null;

        async Task CollectOneAsync(int index)
        {
            var planned = cameras[index];
            try
            {
                var key = new SnapshotKey(planned.Id, slot);
                results[index] = await collector.CollectAsync(planned.Camera, key, planned.PreviousHash, run.Token, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadlineSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested && fatal is null)
            {
                results[index] = new CameraOutcome
                {
                    CameraId = planned.Camera.Id,
                    CameraName = planned.Camera.Name,
                    Outcome = CameraOutcomeKind.TimedOut,
                    Reason = $"the run's deadline of {deadline} was reached before this camera was collected",
                };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && fatal is null)
            {
                results[index] = new CameraOutcome
                {
                    CameraId = planned.Camera.Id,
                    CameraName = planned.Camera.Name,
                    Outcome = CameraOutcomeKind.Cancelled,
                    Reason = "the run was cancelled (SIGTERM or Ctrl+C) before this camera was collected",
                };
            }
            catch (CollectionFailedException ex)
            {
                Interlocked.CompareExchange(ref fatal, ExceptionDispatchInfo.Capture(ex), null);
                await run.CancelAsync().ConfigureAwait(false);
                throw;
            }

            record(results[index]);
        }

        var tasks = new Task[cameras.Count];
        for (var i = 0; i < cameras.Count; i++)
        {
            tasks[i] = CollectOneAsync(i);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch when (fatal is not null)
        {
            fatal.Throw();
        }

        DeadlineReached = deadlineSource.IsCancellationRequested;
        return results;
    }
}
