using System.Text.Json;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling.Search;

/// <summary>The dashboard's job search (<see cref="IScheduledJobStoreQueries.SearchAsync"/>), run against each store.</summary>
public abstract class JobSearchContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<SchedulerHarness> CreateAsync();

    [Fact]
    public async Task Jobs_are_found_by_status_type_and_due_time_in_due_order_and_paged()
    {
        await using var h = await CreateAsync();
        var start = SchedulerHarness.Start;
        await CreateAsync(h, "report-1", "report", start.AddMinutes(1), ScheduledJobStatus.Pending);
        await CreateAsync(h, "export-1", "export", start.AddMinutes(2), ScheduledJobStatus.Pending);
        await CreateAsync(h, "report-2", "report", start.AddMinutes(3), ScheduledJobStatus.Pending);
        await CreateAsync(h, "report-3", "report", start.AddMinutes(3), ScheduledJobStatus.Pending);
        await CreateAsync(h, "report-old", "report", start.AddMinutes(2), ScheduledJobStatus.Failed);

        var reports = await IdsAsync(h, new ScheduledJobSearch { Status = ScheduledJobStatus.Pending, Type = "report" }, 10);
        var window = await IdsAsync(h, new ScheduledJobSearch { Status = ScheduledJobStatus.Pending, From = start.AddMinutes(2), Until = start.AddMinutes(3) }, 10);
        var reportsFrom = await IdsAsync(h, new ScheduledJobSearch { Status = ScheduledJobStatus.Pending, Type = "report", From = start.AddMinutes(2) }, 1);
        var failed = await IdsAsync(h, new ScheduledJobSearch { Status = ScheduledJobStatus.Failed, Type = "report" }, 10);
        var none = await IdsAsync(h, new ScheduledJobSearch { Status = ScheduledJobStatus.Pending, Type = "nothing" }, 10);

        Assert.Equal(["report-1", "report-2", "report-3"], reports);
        Assert.Equal(["export-1"], window);
        Assert.Equal(["report-2", "report-3"], reportsFrom);
        Assert.Equal(["report-old"], failed);
        Assert.Empty(none);
    }

    /// <summary>Reads every page of the search, <paramref name="pageSize"/> jobs each.</summary>
    private static async Task<List<string>> IdsAsync(SchedulerHarness h, ScheduledJobSearch search, int pageSize)
    {
        var queries = Assert.IsAssignableFrom<IScheduledJobStoreQueries>(h.Store.Inner);
        var seen = new List<string>();
        ScheduledJobCursor? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await queries.SearchAsync(search, pageSize, after, Ct);
            Assert.True(page.Count <= pageSize);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(j => j.Id));
            after = ScheduledJobCursor.After(page[^1]);
        }

        return seen;
    }

    private static async Task CreateAsync(SchedulerHarness h, string id, string type, DateTimeOffset scheduleAt, ScheduledJobStatus status)
    {
        using var payload = JsonDocument.Parse("{}");
        var job = new ScheduledJob
        {
            Id = id,
            Type = type,
            Payload = payload.RootElement.Clone(),
            ScheduleAt = scheduleAt,
            Status = status,
            CreatedAt = SchedulerHarness.Start,
            UpdatedAt = SchedulerHarness.Start,
        };
        _ = await h.Store.Inner.TryCreateAsync(job, Ct) ?? throw new InvalidOperationException($"job {id} exists");
    }
}
