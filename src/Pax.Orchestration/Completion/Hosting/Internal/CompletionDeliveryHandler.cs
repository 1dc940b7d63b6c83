using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Pulse;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// What the intake does with a Pub/Sub message once it has one, whatever carried it (push, Eventarc, or the in-process
/// transport): parse it against the completion contract (<see cref="CompletionMessageParser"/>), record it in the tally,
/// and keep a rejection — log event 4003 <c>Rejected</c>, the rejected record in the store, metric
/// <c>pax.orchestration.deliveries{outcome=rejected, reason}</c>. One path, so a message is judged the same way
/// however it arrived. Store failures propagate: the caller answers 503 (push) or throws (in-process).
/// </summary>
internal sealed class CompletionDeliveryHandler
{
    private const int ExcerptLength = 1024;
    private readonly CompletionTally _tally;
    private readonly ICompletionStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationMetrics _metrics;
    private readonly PulseRecorder? _pulse;

    public CompletionDeliveryHandler(CompletionTally tally, ICompletionStore store, TimeProvider time, ILogger logger, OrchestrationMetrics metrics, PulseRecorder? pulse = null)
    {
        _pulse = pulse;
        _tally = tally;
        _store = store;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>
    /// Parses, records and, when it completes a phase, triggers; a message that fails the contract or the tally's checks
    /// is rejected. All of it runs in the message's consumer span (<see cref="OrchestrationTracing.StartProcess"/>), so
    /// what is logged meanwhile carries the message's trace, and so does the trigger it fires.
    /// </summary>
    /// <param name="incoming">The message.</param>
    /// <param name="request">The context of the request that carried it (Cloud Run's <c>traceparent</c>), linked when the message has its own.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IntakeResponse> HandleAsync(IncomingPubSubMessage incoming, ActivityContext? request, CancellationToken cancellationToken)
    {
        using var span = OrchestrationTracing.StartProcess(incoming.Subscription, incoming.MessageId, incoming.Attributes, request);
        var answer = await HandleInSpanAsync(incoming, cancellationToken).ConfigureAwait(false);
        span?.SetTag("pax.outcome", answer.Outcome);
        return answer;
    }

    private async Task<IntakeResponse> HandleInSpanAsync(IncomingPubSubMessage incoming, CancellationToken cancellationToken)
    {
        var (message, problem, address) = CompletionMessageParser.Parse(incoming, _tally.Phases);
        var result = message is null ? CompletionReceipt.Rejected(problem!) : await _tally.RecordAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Disposition == ReportDisposition.Rejected)
        {
            // contract: the message does not follow CompletionWireFormat; invalid: it does, but the tally refuses its values.
            var code = message is null ? RejectionReasons.Contract : RejectionReasons.Invalid;
            return await RejectAsync(incoming.MessageId, code, result.Reason!, incoming.Data, address, cancellationToken).ConfigureAwait(false);
        }

        var outcome = result.Disposition == ReportDisposition.Recorded ? "recorded" : "duplicate";
        _metrics.Delivery(outcome);
        return new IntakeResponse(outcome, null, result.Drive, result.Progress?.Triggered);
    }

    /// <summary>Keeps a rejected delivery (log, store with whom it named, metric) and returns the answer that acknowledges it.</summary>
    public async Task<IntakeResponse> RejectAsync(string? messageId, string code, string reason, byte[]? payload, CompletionAddress address, CancellationToken cancellationToken)
    {
        // What is kept about a rejection must itself be storable: lone surrogates become U+FFFD, the id is bounded.
        messageId = WellFormedText.Repair(messageId is { Length: > CompletionLimits.MaxMessageIdLength } ? messageId[..CompletionLimits.MaxMessageIdLength] : messageId);
        reason = WellFormedText.Repair(reason)!;
        OrchestrationLog.Rejected(_logger, messageId, code, reason);
        var excerpt = payload is null ? null : Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, ExcerptLength));
        var rejected = address.Apply(new RejectedMessage(messageId, reason, _time.GetUtcNow(), WellFormedText.Repair(excerpt)) { ReasonCode = code });
        await _store.RecordRejectedAsync(rejected, cancellationToken).ConfigureAwait(false);
        _metrics.Rejected(code);
        _pulse?.Count(address.Phase is { } named && _tally.FindPhase(named, out _) is { } phase ? phase.Name : PulseScopes.NoPhase, PulseCounter.Rejections);
        return new IntakeResponse("rejected", reason);
    }
}
