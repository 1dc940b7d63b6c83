using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Api;

/// <summary>
/// Ids and cursor keys the stores would refuse never reach a store: a cursor whose key breaks the store's rule reads as
/// no cursor (the first page), an action on such an id is 400, and an <see cref="ArgumentException"/> from a store is 400.
/// </summary>
public sealed class BadIdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1~a/b")]
    [InlineData("1~__x__")]
    [InlineData("1~..")]
    public async Task A_tally_cursor_with_a_key_no_store_accepts_reads_as_the_first_page(string after)
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var response = await server.Client.GetAsync("/pax/api/phases?phase=process&after=" + Uri.EscapeDataString(after), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var runKeys = json.RootElement.GetProperty("phases")[0].GetProperty("runKeys").EnumerateArray().Select(r => r.GetProperty("runKey").GetString());
        Assert.Equal(["run-2", "run-1"], runKeys); // tick 1 as a real cursor would page past everything
    }

    [Theory]
    [InlineData("3155378975999999999~__x__")]
    [InlineData("3155378975999999999~a/b")]
    [InlineData("3155378975999999999~a b")]
    public async Task A_job_cursor_with_an_id_the_scheduler_refuses_reads_as_the_first_page(string after)
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var response = await server.Client.GetAsync("/pax/api/jobs?status=failed&after=" + Uri.EscapeDataString(after), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var ids = json.RootElement.GetProperty("statuses")[0].GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString());
        Assert.Equal(["send-report"], ids); // the last tick as a real cursor would page past everything
    }

    [Theory]
    [InlineData("/pax/actions/jobs/__x__/retry?version=1", "job id '__x__' is not valid")]
    [InlineData("/pax/actions/jobs/__x__/delete?version=1", "job id '__x__' is not valid")]
    [InlineData("/pax/actions/jobs/a%20b/delete?version=1", "job id 'a%20b' is not valid")]
    [InlineData("/pax/actions/jobs/a%0Ab/retry?version=1", "job id 'a%0Ab' is not valid")]
    [InlineData("/pax/actions/redrive/process/__x__", "runKey '__x__' must be")]
    [InlineData("/pax/actions/redrive/process/a%0Ab", "runKey 'a%0Ab' must be")]
    public async Task An_action_on_an_id_no_store_accepts_is_400_with_the_rule(string path, string reason)
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();

        var response = await DashboardForms.PostWithTokenAsync(server, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith(reason, body, StringComparison.Ordinal);
        Assert.Single(body.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task An_ArgumentException_from_a_store_is_400_not_500()
    {
        await using var server = await DashboardServer.StartAsync(services: s => s.AddSingleton<ICompletionStoreQueries>(new RefusingQueries()));

        var response = await server.Client.GetAsync("/pax/api/phases", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("400: the store refused an id or key in this request; check the link.\n", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4305 && r.Exception is ArgumentException);
    }

    private sealed class RefusingQueries : ICompletionStoreQueries
    {
        public Task<IReadOnlyList<StoredTally>> ListRecentAsync(string phase, int limit, TallyCursor? after, CancellationToken cancellationToken) =>
            throw new ArgumentException("'__x__' is not a valid Firestore id", "documentId");

        public Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, string? phase, string? runKey, CancellationToken cancellationToken) =>
            throw new ArgumentException("'__x__' is not a valid Firestore id", "documentId");

        public Task<int> CountRejectedSinceAsync(string phase, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new ArgumentException("'__x__' is not a valid Firestore id", "documentId");

        public Task<IReadOnlyList<StoredTally>> SearchAsync(string phase, TallySearch search, int limit, TallyCursor? after, CancellationToken cancellationToken) =>
            throw new ArgumentException("'__x__' is not a valid Firestore id", "documentId");

        public Task<IReadOnlyList<RejectedMessage>> ListRejectedByReasonAsync(int limit, string reasonCode, string? phase, CancellationToken cancellationToken) =>
            throw new ArgumentException("'__x__' is not a valid Firestore id", "documentId");

        public Task<IReadOnlyList<ProcessorCompletion>> ListReportsAsync(string phase, string runKey, int limit, string? afterProcessor, CancellationToken cancellationToken) =>
            throw new ArgumentException("'__x__' is not a valid Firestore id", "documentId");
    }
}
