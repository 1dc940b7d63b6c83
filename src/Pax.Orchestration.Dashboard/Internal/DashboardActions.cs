using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// The dashboard's actions: re-drive a claimed tally, retry a failed job, delete a job. Each is a POST from the page's
/// form, refused with 403 unless <see cref="DashboardOptions.AllowActions"/>, refused with 400 without a valid
/// antiforgery token, and audited (log event 4302 with the principal, or 4303 when refused); the answer is a 303 back
/// to the page with the outcome.
/// </summary>
internal sealed class DashboardActions
{
    private readonly DashboardEndpoints _endpoints;
    private readonly IAntiforgery _antiforgery;
    private readonly IServiceProvider _services;
    private readonly JobsReader _jobs;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DashboardActions(DashboardEndpoints endpoints, IAntiforgery antiforgery, IServiceProvider services, JobsReader jobs, IOptions<DashboardOptions> options, TimeProvider time, ILogger<DashboardActions> logger)
    {
        _endpoints = endpoints;
        _antiforgery = antiforgery;
        _services = services;
        _jobs = jobs;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public Task RedriveAsync(HttpContext context, string prefix, string phase, string runKey) =>
        ActAsync(context, "redrive", $"{phase}/{runKey}", prefix + "/phases/" + Uri.EscapeDataString(phase) + "/" + Uri.EscapeDataString(runKey), async ct =>
        {
            if (_services.GetService<CompletionTally>() is not { } tally
                || _services.GetService<PhaseStatusReader>()?.Phases.Any(p => string.Equals(p.Name, phase, StringComparison.Ordinal)) != true)
            {
                return (StatusCodes.Status404NotFound, $"phase '{phase}' is not configured here", null);
            }

            if (CompletionNames.ValidateRunKey(runKey) is not null)
            {
                // The key is shown escaped: it may hold control characters, and the answer is one line.
                return (StatusCodes.Status400BadRequest, $"runKey '{Uri.EscapeDataString(runKey)}' must be 1-500 characters without '/' or control characters, and not '.', '..' or __…__", null);
            }

            var outcome = await tally.DriveAsync(phase, runKey, ct).ConfigureAwait(false);
            return (StatusCodes.Status303SeeOther, $"re-drive of {phase}/{runKey}: {outcome}", Html.HtmlLayout.RedriveResult(outcome));
        });

    public Task RetryJobAsync(HttpContext context, string prefix, string id) =>
        ActAsync(context, "retry_job", id, prefix + "/jobs", ct => ChangeJobAsync(
            context,
            id,
            job => job.Status == ScheduledJobStatus.Failed ? null : $"job '{id}' is {JobsReader.Name(job.Status)}, not failed; reload and try again",
            (job, now) => job with { Status = ScheduledJobStatus.Pending, Attempts = 0, ScheduleAt = now, OccurrenceAt = null, LeaseUntil = null, LeaseHolder = null, UpdatedAt = now },
            (StatusCodes.Status303SeeOther, $"job '{id}' is pending again, due now", "retry_job"),
            ct));

    public Task DeleteJobAsync(HttpContext context, string prefix, string id) =>
        ActAsync(context, "delete_job", id, prefix + "/jobs", async ct =>
        {
            if (InvalidId(id) is { } invalid)
            {
                return invalid;
            }

            if (_jobs.Queries is not { } queries || DashboardEndpoints.Query(context, "version") is not { } version)
            {
                return (StatusCodes.Status404NotFound, $"job '{id}' cannot be deleted here (no version, or no job store)", null);
            }

            return await queries.TryDeleteAsync(id, version, ct).ConfigureAwait(false)
                ? (StatusCodes.Status303SeeOther, $"job '{id}' deleted", "delete_job")
                : (StatusCodes.Status409Conflict, $"job '{id}' changed since the page was shown or is gone; reload and try again", null);
        });

    /// <summary>
    /// Makes a recurring job due now, so the next tick runs it (attempts from 0); its schedule is unchanged: after this
    /// run it waits for its next regular occurrence. Refused (409) while it runs or when it changed since the page was shown.
    /// </summary>
    public Task RunJobNowAsync(HttpContext context, string prefix, string id) =>
        ActAsync(context, "run_job", id, prefix + "/jobs", ct => ChangeJobAsync(
            context,
            id,
            job => job.IsRecurring && job.Status != ScheduledJobStatus.Running
                ? null
                : $"job '{id}' is not a recurring job at rest ({JobsReader.Name(job.Status)}{(job.IsRecurring ? string.Empty : ", one-off")}); reload and try again",
            (job, now) => job with { Status = ScheduledJobStatus.Pending, Attempts = 0, ScheduleAt = now, OccurrenceAt = null, LeaseUntil = null, LeaseHolder = null, UpdatedAt = now },
            (StatusCodes.Status303SeeOther, $"job '{id}' is due now (run now); the next tick runs it", "run_job"),
            ct));

    /// <summary>
    /// Reads a job, refuses (409) when <paramref name="refuse"/> says why or its version is not the page's, and replaces
    /// it with <paramref name="change"/>'s result over that version; <paramref name="done"/> is the answer on success.
    /// </summary>
    private async Task<(int Status, string Outcome, string? Result)> ChangeJobAsync(
        HttpContext context, string id, Func<ScheduledJob, string?> refuse, Func<ScheduledJob, DateTimeOffset, ScheduledJob> change, (int, string, string?) done, CancellationToken ct)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        if (_jobs.Store is not { } store || await store.GetAsync(id, ct).ConfigureAwait(false) is not { } job)
        {
            return (StatusCodes.Status404NotFound, $"job '{id}' does not exist", null);
        }

        if (refuse(job) is { } refused)
        {
            return (StatusCodes.Status409Conflict, refused, null);
        }

        if (job.Version != DashboardEndpoints.Query(context, "version"))
        {
            return (StatusCodes.Status409Conflict, $"job '{id}' changed since the page was shown; reload and try again", null);
        }

        return await store.TryReplaceAsync(change(job, _time.GetUtcNow()), ct).ConfigureAwait(false) is null
            ? (StatusCodes.Status409Conflict, $"job '{id}' changed meanwhile; reload and try again", null)
            : done;
    }

    /// <summary>A job id the scheduler would not accept (<see cref="ScheduledJob.IsValidId"/>) is answered 400 before any store sees it (the id escaped, on one line).</summary>
    private static (int Status, string Outcome, string? Result)? InvalidId(string id) =>
        ScheduledJob.IsValidId(id) ? null : (StatusCodes.Status400BadRequest, $"job id '{Uri.EscapeDataString(id)}' is not valid: 1–200 letters, digits, '-', '_' or '.', not '.', '..' or __…__", null);

    private Task ActAsync(HttpContext context, string action, string target, string page, Func<CancellationToken, Task<(int Status, string Outcome, string? Result)>> act) =>
        _endpoints.GuardAsync(context, async (principal, ct) =>
        {
            if (!_options.AllowActions)
            {
                DashboardLog.ActionRefused(_logger, action, target, principal, "actions are disabled");
                await DashboardEndpoints.PlainAsync(context, StatusCodes.Status403Forbidden, "403: actions are disabled (Pax:Dashboard:AllowActions is false).").ConfigureAwait(false);
                return;
            }

            try
            {
                await _antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                DashboardLog.ActionRefused(_logger, action, target, principal, "no valid antiforgery token");
                await DashboardEndpoints.PlainAsync(context, StatusCodes.Status400BadRequest, "400: the form's antiforgery token is missing or not valid; reload the page and try again.").ConfigureAwait(false);
                return;
            }

            var (status, outcome, result) = await act(ct).ConfigureAwait(false);
            DashboardLog.Action(_logger, action, target, principal, outcome);
            if (status != StatusCodes.Status303SeeOther)
            {
                await DashboardEndpoints.PlainAsync(context, status, outcome).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            // Only the action's name travels in the URL: the page shows a fixed sentence for it (HtmlLayout.ResultMessages),
            // so a crafted link cannot make the dashboard display text of someone else's choosing.
            context.Response.Headers.Location = context.Request.PathBase + page + "?result=" + result;
        });
}
