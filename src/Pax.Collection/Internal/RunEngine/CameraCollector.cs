using System.Diagnostics;
using System.Security.Cryptography;
using Pax.Collection.Internal.Telemetry;
using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;
using Pax.Collection.Sinks.Internal;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Internal.RunEngine;

/// <summary>Collects one camera's snapshot in a run: fetch, validate, compare with the previous one, store.</summary>
/// <remarks>
/// Only the fetch holds one of the run's fetch slots (the politeness bound on the camera provider); validation and the
/// write happen after it is released, so a slow disk or bucket never idles a fetch slot. The write holds an upload
/// slot and has its own timeout (<see cref="CollectionOptions.UploadTimeout"/>); the whole camera holds an image slot
/// from before the fetch to the end of the write (see <see cref="CollectionSlots"/>).
/// </remarks>
internal sealed class CameraCollector(
    ICameraSource source,
    ISnapshotSink sink,
    SnapshotValidator validator,
    CollectionOptions options,
    CollectionSlots slots,
    TimeProvider timeProvider)
{
    /// <param name="camera">The camera.</param>
    /// <param name="key">The snapshot's key.</param>
    /// <param name="previousHash">The SHA-256 of the camera's previous snapshot, if known.</param>
    /// <param name="fetchToken">Cancels waiting for a fetch slot and the fetch (the run's deadline, or the caller).</param>
    /// <param name="writeToken">Cancels the write (the caller only: an image fetched before the deadline is still stored).</param>
    public async Task<CameraOutcome> CollectAsync(Camera camera, SnapshotKey key, string? previousHash, CancellationToken fetchToken, CancellationToken writeToken)
    {
        await slots.Images.WaitAsync(fetchToken).ConfigureAwait(false);
        try
        {
            return await FetchAndStoreAsync(camera, key, previousHash, fetchToken, writeToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Images.Release();
        }
    }

    private async Task<CameraOutcome> FetchAndStoreAsync(Camera camera, SnapshotKey key, string? previousHash, CancellationToken fetchToken, CancellationToken writeToken)
    {
        var fetchSlots = slots.Fetches;
        await fetchSlots.WaitAsync(fetchToken).ConfigureAwait(false);
        var started = timeProvider.GetTimestamp();
        CameraImage image;
        try
        {
            // A slot freed by the deadline's own cancellation can reach a waiter before its wait is cancelled.
            fetchToken.ThrowIfCancellationRequested();
            using var fetch = CollectionTracing.StartCamera("camera fetch", camera.Id);
            try
            {
                image = await source.FetchImageAsync(camera, fetchToken).ConfigureAwait(false);
            }
            catch (CameraFetchException ex)
            {
                fetch?.SetStatus(ActivityStatusCode.Error, ex.Reason);
                throw;
            }
        }
        catch (CameraFetchException ex)
        {
            var kind = ex.Failure == CameraFetchFailure.Timeout ? CameraOutcomeKind.TimedOut : CameraOutcomeKind.Failed;
            return Outcome(camera, kind, started) with { Reason = ex.Reason, Attempts = ex.Attempts };
        }
        finally
        {
            fetchSlots.Release();
        }

        var bytes = image.Content;
        var fetched = Outcome(camera, CameraOutcomeKind.Stored, started) with
        {
            Bytes = bytes.Length,
            Attempts = image.Attempts,
            FetchedAt = image.FetchedAt,
        };
        var verdict = validator.Validate(bytes.Span, image.ContentType);
        if (!verdict.IsValid)
        {
            return fetched with { Outcome = CameraOutcomeKind.Invalid, Reason = verdict.Reason, Duration = Elapsed(started) };
        }

        var sha256 = Convert.ToHexString(SHA256.HashData(bytes.Span)).ToLowerInvariant();
        fetched = fetched with { Sha256 = sha256 };
        var stale = string.Equals(previousHash, sha256, StringComparison.Ordinal);
        if (stale && !options.StoreStaleSnapshots)
        {
            return fetched with { Outcome = CameraOutcomeKind.Stale, Reason = "image is identical to the camera's previous snapshot", Duration = Elapsed(started) };
        }

        var metadata = new SnapshotMetadata(camera.Name, image.FetchedAt, image.ContentType ?? "image/jpeg", sha256);
        var written = await WriteAsync(key, bytes, metadata, writeToken).ConfigureAwait(false);
        if (written.Failure is { } failure)
        {
            return fetched with { Outcome = written.FailureKind, Reason = failure, Duration = Elapsed(started) };
        }

        return fetched with
        {
            Outcome = stale ? CameraOutcomeKind.Stale : written.Result == SnapshotWriteResult.Created ? CameraOutcomeKind.Stored : CameraOutcomeKind.AlreadyStored,
            Reason = stale ? "image is identical to the camera's previous snapshot (stored anyway)" : null,
            ObjectName = key.ObjectName,
            Duration = Elapsed(started),
        };
    }

    private async Task<(SnapshotWriteResult Result, string? Failure, CameraOutcomeKind FailureKind)> WriteAsync(SnapshotKey key, ReadOnlyMemory<byte> bytes, SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        await slots.Uploads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(options.UploadTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var store = CollectionTracing.StartCamera("camera store", key.CameraId.ToString());
            store?.SetTag("pax.object", key.ObjectName);
            return (await sink.WriteAsync(key, bytes, metadata, linked.Token).ConfigureAwait(false), null, default);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The upload timeout (or the client's own HTTP timeout) ended it: this camera's outcome, not the run's end.
            return (default, $"storing {key.ObjectName} did not finish within the upload timeout of {options.UploadTimeout}", CameraOutcomeKind.TimedOut);
        }
        catch (SnapshotSinkException ex) when (ex.Failure == SnapshotSinkFailure.AccessRefused)
        {
            // Every other write would fail the same way: stop the run with the message that names the permission.
            throw new CollectionFailedException($"The sink {sink.Location} refused the write: {ex.Message}", ex);
        }
        catch (IOException ex) when (SinkFailures.IsOutOfSpace(ex))
        {
            // A full disk fails every other write too: stop the run with one clear error instead of failing each camera.
            throw new CollectionFailedException($"The sink {sink.Location} is out of space ({ex.Message}); the run stopped rather than fail every remaining camera. Snapshots stored so far are kept: free space and run again, and only the missing ones are fetched.", ex);
        }
        catch (Exception ex) when (ex is SnapshotSinkException or IOException or UnauthorizedAccessException)
        {
            // The sink unavailable after its retries, or this one write refused (a CRC32C mismatch: Cloud Storage
            // refused the bytes it received; nothing was stored): this camera's outcome, the run goes on.
            return (default, $"storing {key.ObjectName} failed: {ex.Message}", CameraOutcomeKind.Failed);
        }
        finally
        {
            slots.Uploads.Release();
        }
    }

    private CameraOutcome Outcome(Camera camera, CameraOutcomeKind kind, long started) => new()
    {
        CameraId = camera.Id,
        CameraName = camera.Name,
        Outcome = kind,
        Duration = Elapsed(started),
    };

    private TimeSpan Elapsed(long started) => timeProvider.GetElapsedTime(started);
}
