using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Dashboard.Internal.Search;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>
/// Reads the jobs page: one page of <see cref="DashboardOptions.PageSize"/> jobs per status
/// (<see cref="IScheduledJobStoreQueries.ListByStatusAsync"/>), or one status paged with <c>?status=…&amp;after=…</c>.
/// </summary>
internal sealed class JobsReader
{
    private const int Occurrences = 3;
    private static readonly ScheduledJobStatus[] Statuses = [ScheduledJobStatus.Running, ScheduledJobStatus.Pending, ScheduledJobStatus.Failed, ScheduledJobStatus.Completed];
    private readonly IScheduledJobStore? _store;
    private readonly IScheduledJobStoreQueries? _queries;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;

    public JobsReader(IServiceProvider services, IOptions<DashboardOptions> options, TimeProvider time)
    {
        _store = services.GetService<IScheduledJobStore>();
        _queries = services.GetService<IScheduledJobStoreQueries>() ?? _store as IScheduledJobStoreQueries;
        _options = options.Value;
        _time = time;
    }

    public IScheduledJobStore? Store => _store;

    public IScheduledJobStoreQueries? Queries => _queries;

    public static bool TryParseStatus(string? text, out ScheduledJobStatus status)
    {
        status = default;
        return text is not null && Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
    }

    public async Task<JobsView> ReadAsync(ScheduledJobStatus? only, string? after, CancellationToken cancellationToken, JobFilter? filter = null)
    {
        var now = _time.GetUtcNow();
        if (_queries is null)
        {
            return new JobsView(now, [], Available: false);
        }

        var views = new List<JobStatusView>();
        foreach (var status in Statuses.Where(s => only is null || s == only))
        {
            var cursor = only is null ? null : DashboardPaging.Job(after);
            var jobs = filter is null
                ? await _queries.ListByStatusAsync(status, _options.PageSize, cursor, cancellationToken).ConfigureAwait(false)
                : await FilteredJobs.ReadAsync(_store, _queries, status, filter, _options.PageSize, cursor, cancellationToken).ConfigureAwait(false);
            var next = jobs.Count == _options.PageSize ? DashboardPaging.Encode(jobs[^1].ScheduleAt, jobs[^1].Id) : null;
            views.Add(new JobStatusView(Name(status), jobs.Select(Row).ToList(), next));
        }

        return new JobsView(now, views, Available: true);
    }

    public static string Name(ScheduledJobStatus status) => status.ToString().ToLowerInvariant();

    internal static JobRow Row(ScheduledJob job)
    {
        var zone = Zone(job.TimeZone);
        var occurrences = new List<string>();
        try
        {
            occurrences.AddRange(job.NextOccurrences(Occurrences).Select(next => Local(next, zone)));
        }
        catch (ScheduledJobRequestException ex)
        {
            occurrences.Add("(cannot compute: " + ex.Message + ")");
        }

        return new JobRow(
            job.Id,
            job.Type,
            Name(job.Status),
            job.ScheduleAt,
            Local(job.ScheduleAt, zone),
            zone?.Id ?? job.TimeZone ?? "UTC",
            job.Attempts,
            job.MaxAttempts,
            job.LastError,
            job.LeaseHolder,
            job.LeaseUntil,
            job.Cron,
            job.IsRecurring ? job.Misfire.ToString() : null,
            occurrences,
            job.Version,
            job.History.Select(JobOutcomeView.From).ToList());
    }

    private static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo? zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone ?? TimeZoneInfo.Utc);
        return local.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) + (zone is null ? " (unknown time zone, shown in UTC)" : string.Empty);
    }
}
