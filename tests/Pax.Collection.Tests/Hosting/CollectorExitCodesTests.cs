using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.CloudRun;
using Pax.Collection.Hosting;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collection.Sinks;

namespace Pax.Collection.Tests.Hosting;

/// <summary>The exit codes the README documents: 0, 1, 2, 3, 70, 130.</summary>
public sealed class CollectorExitCodesTests
{
    [Fact]
    public void Codes_are_the_documented_numbers()
    {
        Assert.Equal(
            [0, 1, 2, 3, 70, 130],
            new[] { CollectorExitCodes.Success, CollectorExitCodes.UnderFloor, CollectorExitCodes.Failed, CollectorExitCodes.ArtifactsNotWritten, CollectorExitCodes.Unexpected, CollectorExitCodes.Cancelled });
    }

    [Theory]
    [InlineData(10, 10, 0, 0)]
    [InlineData(10, 10, 1, 3)]
    [InlineData(10, 5, 0, 1)]
    [InlineData(10, 5, 1, 1)]
    public void A_report_gives_success_under_floor_or_artifacts_not_written(int eligible, int stored, int artifactFailures, int expected)
    {
        var report = Report(eligible, stored) with { ArtifactFailures = [.. Enumerable.Repeat("report.json: HTTP 403", artifactFailures)] };

        Assert.Equal(expected, CollectorExitCodes.ForReport(report));
    }

    public static TheoryData<Exception, int> Failures => new()
    {
        { new OptionsValidationException("Pax:Collection", typeof(CollectionOptions), ["Pax:Collection:Sink: bad"]), 2 },
        { new FormatException("--slot 'x' is not an ISO-8601 date"), 2 },
        { new CameraManifestException("m.json", "not found"), 2 },
        { new ArgumentException("Unknown area 'atlantis'"), 2 },
        { new CollectionFailedException("The camera API returned an empty camera list"), 2 },
        { new CameraApiException("camera list: HTTP 503"), 2 },
        { new SnapshotSinkException(SnapshotSinkFailure.AccessRefused, "HTTP 403"), 2 },
        { new SnapshotSinkException(SnapshotSinkFailure.Unavailable, "HTTP 503"), 2 },
        { new IOException("No space left on device"), 2 },
        { new InvalidOperationException("a bug"), 70 },
        { new NullReferenceException(), 70 },
        { new OperationCanceledException("not asked for"), 70 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_gives_failed_or_unexpected(Exception exception, int expected)
    {
        Assert.Equal(expected, CollectorExitCodes.ForException(exception, CancellationToken.None));
    }

    [Fact]
    public void A_requested_cancellation_gives_130_before_and_while_collecting()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal(130, CollectorExitCodes.ForException(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.Equal(130, CollectorExitCodes.ForException(new CollectionCancelledException(Report(10, 3) with { Cancelled = true }, cancelled.Token), cancelled.Token));
    }

    private static CollectionReport Report(int eligible, int stored) => new()
    {
        Slot = DateTimeOffset.UnixEpoch,
        Task = CloudRunTaskInfo.Single,
        Sink = "./pax-data",
        SlotPath = "1970-01-01/0000",
        Selection = CameraSelection.AllOnline.ToString(),
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch,
        MinStoredRatio = 0.9,
        Cameras = [.. Enumerable.Range(0, eligible).Select(i => new CameraOutcome
        {
            CameraId = $"cam-{i}",
            CameraName = $"Camera {i}",
            Outcome = i < stored ? CameraOutcomeKind.Stored : CameraOutcomeKind.Failed,
        })],
    };
}
