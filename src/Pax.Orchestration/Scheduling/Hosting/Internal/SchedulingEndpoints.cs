using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Scheduling.Internal;

namespace Pax.Orchestration.Scheduling.Hosting.Internal;

/// <summary>
/// The scheduler's HTTP surface: <c>POST /cron/tick</c>, <c>POST /jobs</c> and <c>GET /jobs/{id}</c>, each
/// authenticated like push deliveries (<see cref="SchedulingOptions.Authentication"/>): the tick for its
/// <see cref="InboundAuthenticationOptions.AllowedPrincipals"/> (Cloud Scheduler's OIDC token), the job API for
/// <see cref="SchedulingOptions.JobCreators"/>. Answers 401 when authentication fails, 503 when the store is
/// unavailable (so Cloud Scheduler retries), 400 with <c>{"error": reason}</c> for a bad job request (including a
/// body that is not UTF-8 JSON), and 413 for a body over 1 MiB, however it is framed (<c>Content-Length</c> or chunked).
/// </summary>
internal sealed class SchedulingEndpoints
{
    /// <summary>The header Cloud Scheduler sets to the occurrence it delivers (RFC 3339).</summary>
    public const string ScheduleTimeHeader = "X-CloudScheduler-ScheduleTime";

    /// <summary>The header Cloud Scheduler sets to the short name of the Scheduler job.</summary>
    public const string JobNameHeader = "X-CloudScheduler-JobName";

    private const int MaxRequestBytes = 1024 * 1024;
    private readonly JobScheduler _scheduler;
    private readonly InboundAuthenticator _authenticator;
    private readonly InboundAuthenticationOptions _authentication;
    private readonly IReadOnlySet<string> _tickAccounts;
    private readonly IReadOnlySet<string> _jobCreators;
    private readonly ILogger _logger;

    /// <summary>Initializes the endpoints. Resolve them from DI after <c>AddPaxScheduling</c>.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="authenticator">The inbound token check.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger.</param>
    public SchedulingEndpoints(JobScheduler scheduler, InboundAuthenticator authenticator, IOptions<SchedulingOptions> options, ILogger<SchedulingEndpoints> logger)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _scheduler = scheduler;
        _authenticator = authenticator;
        _authentication = o.Authentication;
        _tickAccounts = InboundPrincipals.Emails(o.Authentication.AllowedPrincipals);
        _jobCreators = o.JobCreators.Count > 0 ? InboundPrincipals.Emails(o.JobCreators) : _tickAccounts;
        _logger = logger;
    }

    /// <summary>
    /// Handles <c>POST /cron/tick</c>: runs a tick and answers 200 with its metrics. A repeat of a Scheduler delivery
    /// (same job name and schedule time) handled at or after its schedule time runs nothing; a delivery ahead of its
    /// schedule time (a force run) runs without being recorded; see <see cref="JobScheduler.RunTickAsync(string?, DateTimeOffset?, CancellationToken)"/>.
    /// A delivery without a parsable schedule time is never treated as a repeat.
    /// </summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task TickAsync(HttpContext context) => GuardedAsync(context, _tickAccounts, async () =>
    {
        var scheduleTime = ScheduleTime(context.Request);
        var deliveryKey = scheduleTime is null ? null : DeliveryKey(context.Request);

        // The tick and every job it runs continue the trace of the request (Cloud Scheduler's traceparent).
        using var span = OrchestrationTracing.StartInternal("tick", parent: OrchestrationTracing.RequestContext(context.Request) ?? default);
        var result = await _scheduler.RunTickAsync(deliveryKey, scheduleTime, context.RequestAborted).ConfigureAwait(false);
        span?.SetTag("pax.jobs_executed", result.JobsExecuted);
        await WriteAsync(context, StatusCodes.Status200OK, TickResponse.From(result), SchedulingJsonContext.Default.TickResponse).ConfigureAwait(false);
    });

    /// <summary>Handles <c>POST /jobs</c>: 201 with the stored job, 409 when the id exists, 400 with the reason for a bad request.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task CreateAsync(HttpContext context) => GuardedAsync(context, _jobCreators, async () =>
    {
        var read = await BoundedRequestBody.ReadAsync(context.Request, MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        if (read.Body is not { } body)
        {
            var problem = new SchedulingProblem($"the body is larger than {MaxRequestBytes} bytes");
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, problem, SchedulingJsonContext.Default.SchedulingProblem).ConfigureAwait(false);
            return;
        }

        ScheduledJob? stored;
        try
        {
            var request = ParseRequest(body);
            stored = await _scheduler.TryCreateJobAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ScheduledJobRequestException ex)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, new SchedulingProblem(ex.Message), SchedulingJsonContext.Default.SchedulingProblem).ConfigureAwait(false);
            return;
        }

        if (stored is null)
        {
            await WriteAsync(context, StatusCodes.Status409Conflict, new SchedulingProblem("a job with this id exists"), SchedulingJsonContext.Default.SchedulingProblem).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{Uri.EscapeDataString(stored.Id)}";
        await WriteCreatedAsync(context, stored).ConfigureAwait(false);
    });

    /// <summary>Handles <c>GET /jobs/{id}</c>: the job as stored, or 404.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="id">The job id.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task GetAsync(HttpContext context, string id) => GuardedAsync(context, _jobCreators, async () =>
    {
        var job = await _scheduler.GetJobAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (job is null)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, new SchedulingProblem($"no job '{id}'"), SchedulingJsonContext.Default.SchedulingProblem).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, JobResource.From(job), SchedulingJsonContext.Default.JobResource).ConfigureAwait(false);
    });

    /// <summary>Returns the delivery key of a Cloud Scheduler request (job name and schedule time), or <see langword="null"/> when it carries no schedule time.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The key.</returns>
    public static string? DeliveryKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheduleTime = request.Headers[ScheduleTimeHeader].ToString();
        if (string.IsNullOrWhiteSpace(scheduleTime))
        {
            return null;
        }

        // Normalize the instant so equal times in different spellings are one delivery; keep an unparsable value verbatim.
        var instant = DateTimeOffset.TryParse(scheduleTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
            : scheduleTime.Trim();
        return $"{request.Headers[JobNameHeader]}@{instant}";
    }

    /// <summary>Returns the <c>X-CloudScheduler-ScheduleTime</c> of a request, or <see langword="null"/> when it has none or it is not a date and time.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The schedule time.</returns>
    public static DateTimeOffset? ScheduleTime(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DateTimeOffset.TryParse(request.Headers[ScheduleTimeHeader].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }

    private async Task GuardedAsync(HttpContext context, IReadOnlySet<string> accounts, Func<Task> handle)
    {
        var cancellationToken = context.RequestAborted;
        try
        {
            if ((await _authenticator.CheckAsync(context.Request, _authentication, accounts, cancellationToken).ConfigureAwait(false)).Failure is { } reason)
            {
                SchedulingLog.Unauthenticated(_logger, context.Request.Path, _authentication.Mode.ToString(), reason);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await handle().ConfigureAwait(false);
        }
        catch (InboundTokenCheckUnavailableException ex) when (!cancellationToken.IsCancellationRequested && !context.Response.HasStarted)
        {
            InboundLog.TokenCheckUnavailable(_logger, ex, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        catch (Exception ex) when (IsUnavailable(ex) && !cancellationToken.IsCancellationRequested && !context.Response.HasStarted)
        {
            // The store (or Google's certificates) could not be reached: not the caller's fault, so Cloud Scheduler retries.
            SchedulingLog.StoreUnavailable(_logger, ex);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !context.Response.HasStarted && ex is not BadHttpRequestException)
        {
            // Whatever else failed is logged here in full; the caller learns only that it failed (no stack trace, in any environment).
            SchedulingLog.Failed(_logger, ex, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, new SchedulingProblem("the request failed; see the service's log"), SchedulingJsonContext.Default.SchedulingProblem).ConfigureAwait(false);
        }
    }

    private static bool IsUnavailable(Exception exception) =>
        exception is GoogleApiException or Pax.GoogleCloud.Firestore.FirestoreDatabaseNotFoundException or HttpRequestException or Microsoft.Data.Sqlite.SqliteException or TimeoutException or IOException
            || (exception is TaskCanceledException { InnerException: TimeoutException });

    private static ScheduledJobRequest ParseRequest(byte[] body)
    {
        if (!Utf8.IsValid(body))
        {
            throw new ScheduledJobRequestException("the body is not valid UTF-8");
        }

        try
        {
            return JsonSerializer.Deserialize(body, SchedulingJsonContext.Default.ScheduledJobRequest)
                ?? throw new ScheduledJobRequestException("the body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new ScheduledJobRequestException($"the body is not a valid job request: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // A string System.Text.Json will not turn into .NET text, such as an escaped lone surrogate.
            throw new ScheduledJobRequestException("the body holds a string that is not valid Unicode", ex);
        }
    }

    /// <summary>
    /// Answers 201 for a job the store now holds. The answer is rendered before anything is sent, and if the stored job
    /// cannot be rendered the caller still gets 201 with its id: after a successful write, a 500 would make a client
    /// that sent no id store another job on each retry.
    /// </summary>
    private async Task WriteCreatedAsync(HttpContext context, ScheduledJob stored)
    {
        byte[] body;
        try
        {
            body = JsonSerializer.SerializeToUtf8Bytes(JobResource.From(stored), SchedulingJsonContext.Default.JobResource);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SchedulingLog.CreatedAnswerIncomplete(_logger, ex, stored.Id);
            var reference = new JobStoredReference(stored.Id, $"the job is stored but could not be written back in full; GET {context.Response.Headers.Location} reads it");
            body = JsonSerializer.SerializeToUtf8Bytes(reference, SchedulingJsonContext.Default.JobStoredReference);
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }
}
