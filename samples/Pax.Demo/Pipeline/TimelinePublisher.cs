using System.Globalization;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting;

namespace Pax.Demo.Pipeline;

/// <summary>
/// The in-process transport with each report written to the timeline: what the processor sent, then what the
/// orchestrator's intake did with it (<see cref="InProcessCompletionPublisher.DeliverAsync"/>'s outcome).
/// </summary>
public sealed class TimelinePublisher : ICompletionPublisher
{
    private readonly InProcessCompletionPublisher _transport;
    private readonly DemoTimeline _timeline;

    /// <summary>Initializes a publisher over <paramref name="transport"/>.</summary>
    /// <param name="transport">The in-process transport.</param>
    /// <param name="timeline">Where steps go.</param>
    public TimelinePublisher(InProcessCompletionPublisher transport, DemoTimeline timeline)
    {
        _transport = transport;
        _timeline = timeline;
    }

    /// <inheritdoc />
    public async Task<string> PublishAsync(string topic, CompletionMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (CompletionNames.ValidateMessage(message) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }

        var status = CompletionWireFormat.StatusValue(message.Status);
        _timeline.Add(message.Processor, $"reports {status} for phase '{message.Phase}', run key {message.RunKey}: {message.Details}");
        var delivery = await _transport.DeliverAsync(topic, message, cancellationToken);
        var drive = delivery.Drive switch
        {
            DriveOutcome.Triggered => $"; phase '{message.Phase}' is complete and its next phase was triggered",
            DriveOutcome.AlreadyTriggered => $"; phase '{message.Phase}' was triggered before (not again)",
            DriveOutcome.TriggerFailed => $"; phase '{message.Phase}' is complete but its trigger failed (the claim waits for a re-drive)",
            _ => string.Empty,
        };
        var outcome = delivery.Disposition switch
        {
            ReportDisposition.Recorded => "recorded",
            ReportDisposition.Duplicate => "already recorded (duplicate)",
            _ => $"rejected: {delivery.Reason}",
        };
        _timeline.Add("orchestrator", string.Create(CultureInfo.InvariantCulture, $"{outcome} {message.Processor}'s report (message {delivery.MessageId}){drive}"));
        return delivery.MessageId;
    }
}
