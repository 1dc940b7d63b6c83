using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Pax.GoogleCloud;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>Each failed trigger attempt is counted on <c>pax.orchestration.triggers{outcome=failed}</c> by phase and reason, and its message says what failed.</summary>
public sealed class TriggerFailureMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Google_refusal_is_counted_with_its_status_and_kept_with_HTTP_status_status_name_and_message()
    {
        var trigger = new ThrowingTrigger(new GoogleApiException("pubsub", HttpStatusCode.Forbidden, "PERMISSION_DENIED", null, "Pub/Sub publish to projects/p/topics/t denied: grant roles/pubsub.publisher."));
        var (measurement, error) = await FailOnceAsync(trigger);

        Assert.Equal(("phase2", "failed", "permission_denied"), Tags(measurement));
        Assert.Equal("HTTP 403 PERMISSION_DENIED: Pub/Sub publish to projects/p/topics/t denied: grant roles/pubsub.publisher.", error.Message);
    }

    [Fact]
    public async Task Any_other_exception_is_counted_as_error_with_its_message_on_one_bounded_line()
    {
        var trigger = new ThrowingTrigger(new InvalidOperationException("handler broke\nat line two " + new string('x', 2000)));
        var (measurement, error) = await FailOnceAsync(trigger);

        Assert.Equal(("phase2", "failed", "error"), Tags(measurement));
        Assert.StartsWith("handler broke at line two xxx", error.Message, StringComparison.Ordinal);
        Assert.Equal(CompletionLimits.MaxTriggerErrorLength, error.Message.Length);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trigger_that_outlasts_TriggerTimeout_is_counted_as_timeout_and_says_which_bound_it_hit()
    {
        var trigger = new HangingTrigger();
        await using var h = TallyHarness.Sqlite(new PhaseDefinition { Name = "phase2", Processors = ["a"], CustomTrigger = trigger });
        using var triggers = Collect(h);

        var recording = h.RecordAsync("phase2", "a", "k1");
        await trigger.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var receipt = await recording;

        Assert.Equal(DriveOutcome.TriggerFailed, receipt.Drive);
        Assert.Equal(("phase2", "failed", "timeout"), Tags(Assert.Single(triggers.GetMeasurementSnapshot())));
        var error = (await h.Tally.GetStatusAsync("phase2", "k1", Ct))!.LastTriggerError!;
        Assert.StartsWith("the trigger did not finish within Pax:Orchestration:TriggerTimeout (00:00:05)", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(CollectedMeasurement<long> Measurement, TriggerError Error)> FailOnceAsync(IPhaseTrigger trigger)
    {
        await using var h = TallyHarness.Sqlite(new PhaseDefinition { Name = "phase2", Processors = ["a"], CustomTrigger = trigger });
        using var triggers = Collect(h);

        var receipt = await h.RecordAsync("phase2", "a", "k1");

        Assert.Equal(DriveOutcome.TriggerFailed, receipt.Drive);
        return (Assert.Single(triggers.GetMeasurementSnapshot()), (await h.Tally.GetStatusAsync("phase2", "k1", Ct))!.LastTriggerError!);
    }

    private static MetricCollector<long> Collect(TallyHarness h) =>
        new(h.Services.GetRequiredService<IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.triggers");

    private static (string?, string?, string?) Tags(CollectedMeasurement<long> m) =>
        ((string?)m.Tags["pax.phase"], (string?)m.Tags["pax.outcome"], (string?)m.Tags["pax.reason"]);

    private sealed class ThrowingTrigger(Exception exception) : IPhaseTrigger
    {
        public Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken) => Task.FromException(exception);
    }

    private sealed class HangingTrigger : IPhaseTrigger
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
