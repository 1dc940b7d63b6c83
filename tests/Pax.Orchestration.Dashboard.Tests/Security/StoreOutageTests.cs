using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Security;

/// <summary>A store that cannot be read answers 503 (try again), logged, with nothing half-rendered.</summary>
public sealed class StoreOutageTests
{
    [Theory]
    [InlineData("/pax")]
    [InlineData("/pax/api/phases")]
    [InlineData("/pax/rejected")]
    public async Task An_unreachable_store_is_503_and_logged(string path)
    {
        await using var server = await DashboardServer.StartAsync(services: s => s.AddSingleton<ICompletionStoreQueries>(new UnreachableQueries()));

        var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("503: the store could not be read; try again.\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4304 && r.Exception is HttpRequestException);
    }

    [Theory]
    [InlineData("/pax/jobs")]
    [InlineData("/pax/api/jobs")]
    [InlineData("/pax/api/jobs?status=failed")]
    public async Task An_unreachable_job_store_is_503_on_the_jobs_page_and_logged(string path)
    {
        await using var server = await DashboardServer.StartAsync(services: s => s.AddSingleton<IScheduledJobStoreQueries>(new UnreachableJobQueries()));

        var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("503: the store could not be read; try again.\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4304 && r.Exception is HttpRequestException);
    }

    [Fact]
    public async Task An_action_whose_store_is_unreachable_is_503_and_logged()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true, s => s.AddSingleton<IScheduledJobStoreQueries>(new UnreachableJobQueries()));
        await server.SeedStuckClaimAsync("run-2");

        // The token comes from the run key page (its Re-drive form): the jobs page itself cannot be read.
        var response = await DashboardForms.PostWithTokenAsync(server, "/pax/actions/jobs/one-off/delete?version=1", "/pax/phases/process/run-2");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("503: the store could not be read; try again.\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4304 && r.Exception is HttpRequestException);
    }

    private sealed class UnreachableJobQueries : IScheduledJobStoreQueries
    {
        public Task<IReadOnlyList<ScheduledJob>> ListByStatusAsync(ScheduledJobStatus status, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<bool> TryDeleteAsync(string id, string version, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<IReadOnlyList<ScheduledJob>> SearchAsync(ScheduledJobSearch search, int limit, ScheduledJobCursor? after, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");
    }

    private sealed class UnreachableQueries : ICompletionStoreQueries
    {
        public Task<IReadOnlyList<StoredTally>> ListRecentAsync(string phase, int limit, TallyCursor? after, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, string? phase, string? runKey, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<int> CountRejectedSinceAsync(string phase, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<IReadOnlyList<StoredTally>> SearchAsync(string phase, TallySearch search, int limit, TallyCursor? after, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<IReadOnlyList<RejectedMessage>> ListRejectedByReasonAsync(int limit, string reasonCode, string? phase, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<IReadOnlyList<ProcessorCompletion>> ListReportsAsync(string phase, string runKey, int limit, string? afterProcessor, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");
    }
}
