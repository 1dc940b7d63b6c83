using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// The push intake behind <c>POST /</c>. Accepts the Pub/Sub push envelope (wrapped and unwrapped) and Eventarc
/// CloudEvents (binary and structured, <c>google.cloud.pubsub.topic.v1.messagePublished</c>). Answers:
/// 401 when push authentication fails (no body is read); 200 for a recorded, duplicate or rejected message —
/// malformed, oversized and unstorable deliveries (invalid UTF-8, lone surrogates) are acknowledged and kept as
/// rejected with their message id and first bytes, because any non-2xx makes Pub/Sub redeliver the same bytes until
/// the dead-letter policy (or forever); 503 when the store is unavailable or the delivery could not be handled
/// within <see cref="PushOptions.AckDeadline"/>, so Pub/Sub redelivers. A slow trigger is bounded by
/// <see cref="OrchestrationOptions.TriggerTimeout"/> and left to the outbox.
/// </summary>
internal sealed class CompletionIntake
{
    private const int ExcerptLength = 1024;

    // Pub/Sub's largest message is 10 MB; its base64 push envelope is under 14 MiB. Past that nothing is skimmed.
    private const long MaxSkimBytes = 14L * 1024 * 1024;
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromSeconds(1);
    private readonly CompletionDeliveryHandler _deliveries;
    private readonly InboundAuthenticator _authenticator;
    private readonly IReadOnlySet<string> _pushAccounts;
    private readonly OrchestrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationMetrics _metrics;

    internal CompletionIntake(
        CompletionDeliveryHandler deliveries, InboundAuthenticator authenticator, IOptions<OrchestrationOptions> options, TimeProvider time, ILogger<CompletionIntake> logger, OrchestrationMetrics metrics)
    {
        _deliveries = deliveries;
        _options = options.Value;
        _authenticator = authenticator;
        _pushAccounts = InboundPrincipals.Emails(_options.Authentication.AllowedPrincipals);
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
        var aborted = context.RequestAborted;

        // Everything below shares one budget, so the answer reaches Pub/Sub before its ack deadline.
        using var budget = new CancellationTokenSource(_options.Push.AckDeadline - AnswerMargin, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, budget.Token);
        try
        {
            await HandleWithinBudgetAsync(context, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested && ex is not BadHttpRequestException && !context.Response.HasStarted)
        {
            // Not the sender's fault, so let Pub/Sub retry: out of time (whatever the cancelled call threw), or the
            // store or Google's certificates could not be reached.
            string reason;
            if (budget.IsCancellationRequested)
            {
                OrchestrationLog.AckDeadlineExceeded(_logger, ex, _options.Push.AckDeadline);
                _metrics.Delivery("deadline_exceeded");
                reason = "the delivery could not be handled within the ack deadline; deliver again";
            }
            else if (ex is InboundTokenCheckUnavailableException)
            {
                InboundLog.TokenCheckUnavailable(_logger, ex, "POST " + (context.Request.PathBase + context.Request.Path).Value);
                _metrics.Delivery("unavailable");
                reason = "the token check is unavailable (Google's signing certificates could not be fetched); deliver again";
            }
            else
            {
                OrchestrationLog.StoreUnavailable(_logger, ex);
                _metrics.Delivery("unavailable");
                reason = "the completion store is unavailable; deliver again";
            }

            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, new IntakeResponse("unavailable", reason), aborted).ConfigureAwait(false);
        }
    }

    private async Task HandleWithinBudgetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if ((await _authenticator.CheckAsync(context.Request, _options.Authentication, _pushAccounts, cancellationToken).ConfigureAwait(false)).Failure is { } unauthenticated)
        {
            OrchestrationLog.Unauthenticated(_logger, _options.Authentication.Mode.ToString(), unauthenticated);
            _metrics.Delivery("unauthenticated");
            await WriteAsync(context, StatusCodes.Status401Unauthorized, new IntakeResponse("unauthenticated", unauthenticated), cancellationToken).ConfigureAwait(false);
            return;
        }

        var read = await BoundedRequestBody.ReadAsync(context.Request, _options.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
        if (read.Body is not { } body)
        {
            await RejectOversizedAsync(context, read, cancellationToken).ConfigureAwait(false);
            return;
        }

        var delivery = PushDeliveryReader.Read(context.Request, body);
        if (delivery.Message is not { } incoming)
        {
            await RejectAsync(context, delivery.MessageId, RejectionReasons.Envelope, delivery.Problem!, body, cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = await _deliveries.HandleAsync(incoming, OrchestrationTracing.RequestContext(context.Request), cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps what can be learnt of an oversized delivery: the id (from headers, else skimmed from the body) and its first bytes.</summary>
    private async Task RejectOversizedAsync(HttpContext context, BoundedRequestBody.Result read, CancellationToken cancellationToken)
    {
        var headers = context.Request.Headers;
        var id = headers["ce-id"].ToString() is { Length: > 0 } eventId ? eventId : headers["x-goog-pubsub-message-id"].ToString();
        var scanner = new MessageIdScanner();
        (byte[] Head, long Read, bool OverServerLimit) skim;
        if (read.OverServerLimit)
        {
            // The server reads no further; what came before is all there is.
            scanner.Observe(read.Prefix);
            skim = (read.Prefix[..Math.Min(read.Prefix.Length, ExcerptLength)], read.Size, true);
        }
        else
        {
            skim = await BoundedRequestBody.SkimAsync(
                context.Request, read.Prefix, ExcerptLength, MaxSkimBytes, id.Length > 0 ? _ => false : scanner.Observe, cancellationToken).ConfigureAwait(false);
        }

        var (head, skimmed, refused) = skim;
        var reason = $"the delivery of {Math.Max(read.Size, skimmed)} bytes or more exceeds {OrchestrationOptions.SectionName}:MaxMessageBytes ({_options.MaxMessageBytes})";
        if (refused)
        {
            // Kestrel reads no further than its MaxRequestBodySize (30,000,000 bytes by default): only headers and what came before tell the id.
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            reason += $" and the server's request body limit (Kestrel MaxRequestBodySize, {limit} bytes), so it was not read past that";
        }

        await RejectAsync(context, id.Length > 0 ? id : scanner.MessageId, RejectionReasons.Oversized, reason, head, cancellationToken).ConfigureAwait(false);
    }

    private async Task RejectAsync(HttpContext context, string? messageId, string code, string reason, byte[]? payload, CancellationToken cancellationToken)
    {
        var answer = await _deliveries.RejectAsync(messageId, code, reason, payload, CompletionAddress.None, cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, answer, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, int status, IntakeResponse response, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, OrchestrationJsonContext.Default.IntakeResponse, cancellationToken).ConfigureAwait(false);
    }
}
