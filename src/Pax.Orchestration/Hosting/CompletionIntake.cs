using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Hosting;

/// <summary>
/// The push intake behind <c>POST /</c>. Accepts the Pub/Sub push envelope (wrapped and unwrapped) and Eventarc
/// CloudEvents (binary and structured, <c>google.cloud.pubsub.topic.v1.messagePublished</c>). Answers:
/// 401 when push authentication fails (no body is read); 200 for a recorded, duplicate or rejected message —
/// malformed and oversized deliveries are acknowledged and kept as rejected with the reason, because any non-2xx
/// makes Pub/Sub redeliver the same bytes until the dead-letter policy (or forever); 503 when the store is
/// unavailable, so Pub/Sub redelivers. A slow trigger is bounded by <see cref="OrchestrationOptions.TriggerTimeout"/>
/// and left to the outbox, so the answer comes well inside the ack deadline.
/// </summary>
public sealed class CompletionIntake
{
    private const int ExcerptLength = 1024;
    private readonly CompletionTally _tally;
    private readonly ICompletionStore _store;
    private readonly PushAuthenticator _authenticator;
    private readonly OrchestrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationMetrics _metrics;

    internal CompletionIntake(
        CompletionTally tally, ICompletionStore store, IPushTokenValidator validator, IOptions<OrchestrationOptions> options, TimeProvider time, ILogger<CompletionIntake> logger, OrchestrationMetrics metrics)
    {
        _tally = tally;
        _store = store;
        _options = options.Value;
        _authenticator = new PushAuthenticator(_options.Push, validator, time);
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Handles one push delivery and writes the answer.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        string? unauthenticated;
        try
        {
            unauthenticated = await _authenticator.AuthenticateAsync(context.Request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Google's certificates could not be fetched (VerifySignature): not the sender's fault, so let Pub/Sub retry.
            OrchestrationLog.StoreUnavailable(_logger, ex);
            _metrics.Delivery("unavailable");
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, new IntakeResponse("unavailable", "the push token could not be checked now; deliver again")).ConfigureAwait(false);
            return;
        }

        if (unauthenticated is not null)
        {
            OrchestrationLog.Unauthenticated(_logger, _options.Push.Authentication.ToString(), unauthenticated);
            _metrics.Delivery("unauthenticated");
            await WriteAsync(context, StatusCodes.Status401Unauthorized, new IntakeResponse("unauthenticated", unauthenticated)).ConfigureAwait(false);
            return;
        }

        try
        {
            var (body, size) = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                await RejectAsync(context, null, $"the delivery of {size} bytes exceeds {OrchestrationOptions.SectionName}:MaxMessageBytes ({_options.MaxMessageBytes})", null).ConfigureAwait(false);
                return;
            }

            var delivery = PushDeliveryReader.Read(context.Request, body);
            if (delivery.Message is not { } incoming)
            {
                await RejectAsync(context, delivery.MessageId, delivery.Problem!, body).ConfigureAwait(false);
                return;
            }

            var (message, problem) = CompletionMessageParser.Parse(incoming, _tally.Phases);
            var result = message is null ? RecordResult.Rejected(problem!) : await _tally.RecordAsync(message, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == RecordOutcome.Rejected)
            {
                await RejectAsync(context, incoming.MessageId, result.Reason!, incoming.Data).ConfigureAwait(false);
                return;
            }

            var outcome = result.Outcome == RecordOutcome.Recorded ? "recorded" : "duplicate";
            _metrics.Delivery(outcome);
            await WriteAsync(context, StatusCodes.Status200OK, new IntakeResponse(outcome, null, result.Drive, result.Status?.Triggered)).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not BadHttpRequestException)
        {
            OrchestrationLog.StoreUnavailable(_logger, ex);
            _metrics.Delivery("unavailable");
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, new IntakeResponse("unavailable", "the completion store is unavailable; deliver again")).ConfigureAwait(false);
        }
    }

    private async Task RejectAsync(HttpContext context, string? messageId, string reason, byte[]? payload)
    {
        OrchestrationLog.Rejected(_logger, messageId, reason);
        var excerpt = payload is null ? null : Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, ExcerptLength));
        await _store.RecordRejectedAsync(new RejectedMessage(messageId, reason, _time.GetUtcNow(), excerpt), context.RequestAborted).ConfigureAwait(false);
        _metrics.Delivery("rejected");
        await WriteAsync(context, StatusCodes.Status200OK, new IntakeResponse("rejected", reason)).ConfigureAwait(false);
    }

    private async Task<(byte[]? Body, long Size)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = _options.MaxMessageBytes;
        if (request.ContentLength is { } length && length > limit)
        {
            return (null, length);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return (null, buffer.Length);
            }
        }

        return (buffer.ToArray(), buffer.Length);
    }

    private static async Task WriteAsync(HttpContext context, int status, IntakeResponse response)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, OrchestrationJsonContext.Default.IntakeResponse, context.RequestAborted).ConfigureAwait(false);
    }
}
