using System.Net;
using System.Text.Json;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Search;

/// <summary>
/// The filters of <c>/pax/api/*</c> (query-string parameters, the same names as on the pages) and <c>/pax/api/search</c>,
/// over the seeded picture (<see cref="DashboardServer.SeedAsync"/>).
/// </summary>
public sealed class SearchApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("phase=collect&state=overdue", "2026-02-10")]
    [InlineData("phase=collect&state=triggered", "2026-02-09")]
    [InlineData("phase=collect&state=open", "2026-02-10")]
    [InlineData("phase=collect&state=nobody-reported", "2026-02-08")]
    [InlineData("phase=process&state=trigger-failed", "run-2")]
    [InlineData("phase=process&state=claimed", "run-2")]
    [InlineData("phase=process&state=overdue", "")]
    [InlineData("phase=collect&runKey=2026-02-09", "2026-02-09")]
    [InlineData("phase=collect&runKey=2026-02-10&state=triggered", "")]
    [InlineData("phase=collect&runKey=2026-02-10&state=open", "2026-02-10")]
    [InlineData("phase=collect&runKey=2026-02-10&state=overdue", "2026-02-10")]
    [InlineData("phase=collect&runKey=2026-02-09&state=overdue", "")]
    [InlineData("phase=collect&runKey=2026-02-09&state=nobody-reported", "")]
    [InlineData("phase=collect&runKey=2026-02-08&state=nobody-reported", "2026-02-08")]
    [InlineData("phase=collect&runKey=2026-02-09&prefix=2026-02-1", "")]
    [InlineData("phase=collect&runKey=2026-02-09&from=2026-02-10T12:03:00Z", "")]
    [InlineData("phase=collect&runKey=2026-02-10&from=2026-02-10T12:03:00Z", "2026-02-10")]
    [InlineData("phase=collect&runKey=2026-02-10&until=2026-02-10T12:03:00Z", "")]
    [InlineData("phase=process&runKey=run-1&state=trigger-failed", "")]
    [InlineData("phase=process&runKey=run-2&state=trigger-failed", "run-2")]
    [InlineData("phase=collect&prefix=2026-02", "2026-02-08,2026-02-10,2026-02-09")]
    [InlineData("phase=collect&prefix=2026-02-1", "2026-02-10")]
    [InlineData("phase=collect&from=2026-02-10T12:03:00Z", "2026-02-10")]
    [InlineData("phase=collect&until=2026-02-10T12:03:00Z&state=triggered", "2026-02-09")]
    [InlineData("phase=collect&from=2026-02-10", "2026-02-10,2026-02-09")]
    public async Task Run_keys_are_filtered_by_key_prefix_state_and_time(string query, string expected)
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var json = await GetJsonAsync(server, "/pax/api/phases?" + query);

        var keys = json.RootElement.GetProperty("phases")[0].GetProperty("runKeys").EnumerateArray().Select(r => r.GetProperty("runKey").GetString());
        Assert.Equal(expected, string.Join(",", keys));
    }

    [Fact]
    public async Task A_filtered_page_pages_on_in_the_search_order()
    {
        await using var server = await DashboardServer.StartAsync(o => o.PageSize = 1);
        await server.SeedAsync();

        using var first = await GetJsonAsync(server, "/pax/api/phases?phase=process&prefix=run");
        var next = first.RootElement.GetProperty("phases")[0].GetProperty("nextPage").GetString();
        using var second = await GetJsonAsync(server, "/pax/api/phases?phase=process&prefix=run&after=" + Uri.EscapeDataString(next!));

        Assert.Equal("run-2", first.RootElement.GetProperty("phases")[0].GetProperty("runKeys")[0].GetProperty("runKey").GetString());
        Assert.Equal("run-1", second.RootElement.GetProperty("phases")[0].GetProperty("runKeys")[0].GetProperty("runKey").GetString());
    }

    [Theory]
    [InlineData("status=failed&type=http", "failed:send-report")]
    [InlineData("type=other", "")]
    [InlineData("id=reindex", "running:reindex")]
    [InlineData("id=reindex&status=pending", "")]
    [InlineData("from=2026-02-11T00:00:00Z", "pending:nightly-export")]
    [InlineData("until=2026-02-10T10:00:00Z", "completed:one-off")]
    public async Task Jobs_are_filtered_by_id_type_status_and_due_time(string query, string expected)
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var json = await GetJsonAsync(server, "/pax/api/jobs?" + query);

        var jobs = json.RootElement.GetProperty("statuses").EnumerateArray()
            .SelectMany(s => s.GetProperty("jobs").EnumerateArray().Select(j => s.GetProperty("status").GetString() + ":" + j.GetProperty("id").GetString()));
        Assert.Equal(expected, string.Join(",", jobs));
    }

    [Fact]
    public async Task Rejected_deliveries_are_filtered_by_the_intake_reason_code_and_phase()
    {
        await using var server = await DashboardServer.StartAsync(intake: true);
        await server.PushAsync("not json", "m-contract");
        await server.PushAsync("""{"phase":"collect","processor":"cam-z","runKey":"2026-02-10","status":"succeeded"}""", "m-invalid");

        using var contract = await GetJsonAsync(server, "/pax/api/rejected?reason=contract");
        using var invalid = await GetJsonAsync(server, "/pax/api/rejected?reason=invalid&phase=collect");
        using var invalidElsewhere = await GetJsonAsync(server, "/pax/api/rejected?reason=invalid&phase=process");

        Assert.Equal(["m-contract"], MessageIds(contract));
        Assert.Equal(["m-invalid"], MessageIds(invalid));
        Assert.Empty(MessageIds(invalidElsewhere));
    }

    [Fact]
    public async Task Search_finds_run_keys_by_key_or_start_in_every_phase_and_jobs_by_id()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var february = await GetJsonAsync(server, "/pax/api/search?q=2026-02");
        using var run2 = await GetJsonAsync(server, "/pax/api/search?q=run-2");
        using var job = await GetJsonAsync(server, "/pax/api/search?q=reindex");

        Assert.Equal(["generatedAt", "query", "phases", "jobs"], february.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["collect:2026-02-08", "collect:2026-02-10", "collect:2026-02-09"], Hits(february));
        Assert.Equal(["process:run-2"], Hits(run2));
        Assert.Empty(Hits(job));
        Assert.Equal("reindex", job.RootElement.GetProperty("jobs")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Search_finds_the_exact_run_key_even_when_more_keys_start_with_it_than_fit_a_page()
    {
        await using var server = await DashboardServer.StartAsync(o => o.PageSize = 2);
        foreach (var key in new[] { "k", "k1", "k2", "k3" })
        {
            await server.ReportAsync("process", "p1", key);
        }

        using var json = await GetJsonAsync(server, "/pax/api/search?q=k");

        Assert.Equal(["process:k", "process:k3", "process:k2"], Hits(json));
    }

    [Fact]
    public async Task Instances_list_the_claim_holder_of_each_claimed_run_key_and_the_lease_holder_of_each_running_job()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        using var json = await GetJsonAsync(server, "/pax/api/instances");

        var instances = json.RootElement.GetProperty("instances").EnumerateArray().ToList();
        var us = instances.Single(i => i.GetProperty("instance").GetString()!.EndsWith("/" + Environment.ProcessId, StringComparison.Ordinal));
        var claim = Assert.Single(us.GetProperty("claims").EnumerateArray());
        Assert.Equal(("process", "run-2", true), (claim.GetProperty("phase").GetString(), claim.GetProperty("runKey").GetString(), claim.GetProperty("leaseEnded").GetBoolean()));
        Assert.Equal(claim.GetProperty("claimedAt").GetDateTimeOffset(), us.GetProperty("lastSeen").GetDateTimeOffset());
        var holder = instances.Single(i => i.GetProperty("instance").GetString() == "orchestrator-00042-abc/localhost/7");
        var lease = Assert.Single(holder.GetProperty("leases").EnumerateArray());
        Assert.Equal("reindex", lease.GetProperty("jobId").GetString());
        Assert.False(json.RootElement.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("/pax/api/phases?state=stuck", "state must be one of open, claimed, triggered, trigger-failed, overdue, nobody-reported (was 'stuck').")]
    [InlineData("/pax/api/phases?phase=collect&from=yesterday", "from must be a date or UTC time in ISO 8601, such as 2026-02-10 or 2026-02-10T14:00:00Z (was 'yesterday').")]
    [InlineData("/pax/api/phases?until=2026-02-30", "until must be a date or UTC time in ISO 8601, such as 2026-02-10 or 2026-02-10T14:00:00Z (was '2026-02-30').")]
    [InlineData("/pax/api/phases?from=2026-02-11&until=2026-02-10", "from must be before until.")]
    [InlineData("/pax/api/phases?prefix=2026&from=2026-02-10", "prefix cannot be combined with from, until, state=trigger-failed or state=overdue (a prefix search reads run keys in key order, the others in time order); use one or the other.")]
    [InlineData("/pax/api/phases?runKey=a%2Fb", "runKey 'a/b' must be 1-500 characters without '/' or control characters, and not '.', '..' or __…__.")]
    [InlineData("/pax/api/jobs?from=soon", "from must be a date or UTC time in ISO 8601, such as 2026-02-10 or 2026-02-10T14:00:00Z (was 'soon').")]
    [InlineData("/pax/api/jobs?id=a%2Fb", "id must be 1–200 letters, digits, '-', '_' or '.' (not '.', '..' or '__…__').")]
    [InlineData("/pax/api/rejected?reason=typo", "reason must be one of envelope, contract, invalid, oversized (was 'typo').")]
    [InlineData("/pax/api/search?q=", "q must be a run key, the start of one or a job id (1–500 characters).")]
    public async Task A_filter_value_the_dashboard_cannot_use_answers_400_naming_the_accepted_values(string path, string error)
    {
        await using var server = await DashboardServer.StartAsync();

        var response = await server.Client.GetAsync(path, Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
    }

    private static List<string> Hits(JsonDocument json) => json.RootElement.GetProperty("phases").EnumerateArray()
        .SelectMany(p => p.GetProperty("runKeys").EnumerateArray().Select(r => p.GetProperty("name").GetString() + ":" + r.GetProperty("runKey").GetString()))
        .ToList();

    private static List<string?> MessageIds(JsonDocument json) =>
        json.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()).ToList();

    private static async Task<JsonDocument> GetJsonAsync(DashboardServer server, string path)
    {
        var response = await server.Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }
}
