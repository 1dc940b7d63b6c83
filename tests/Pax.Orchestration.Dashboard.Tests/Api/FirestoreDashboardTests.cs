using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Api;

/// <summary>The dashboard over the Firestore stores (emulator): the same answers, and the Firestore calls each page costs.</summary>
public sealed class FirestoreDashboardTests(FirestoreEmulatorFixture emulator) : IClassFixture<FirestoreEmulatorFixture>
{
    [Fact]
    public async Task Each_page_costs_one_bounded_query_per_list_and_answers_as_on_SQLite()
    {
        var counter = new RequestCounter();
        var host = (await emulator.FirestoreAsync()).HostPort;
        await using var server = await DashboardServer.StartAsync(
            services: s => s.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(() => counter),
            firestoreEmulator: host);
        await server.SeedAsync();

        var phases = await counter.CallsForAsync(server, "/pax/api/phases");
        var runKey = await counter.CallsForAsync(server, "/pax/api/phases/collect/2026-02-10");
        var jobs = await counter.CallsForAsync(server, "/pax/api/jobs");
        var rejected = await counter.CallsForAsync(server, "/pax/api/rejected");

        // Three phases: one runQuery and one count of rejected deliveries each; collect's expected schedule adds one
        // batchGet of its newest expected run keys (its start is configured: no read of its first deployment).
        Assert.Equal(
            ["POST :batchGet", "POST :runAggregationQuery", "POST :runAggregationQuery", "POST :runAggregationQuery", "POST :runQuery", "POST :runQuery", "POST :runQuery"],
            phases.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(["GET /{document}", "POST :runQuery"], runKey.Calls);
        Assert.Equal(["POST :runQuery", "POST :runQuery", "POST :runQuery", "POST :runQuery"], jobs.Calls);
        Assert.Equal(["POST :runQuery"], rejected.Calls);

        var collect = phases.Json.RootElement.GetProperty("phases")[0].GetProperty("runKeys").EnumerateArray()
            .Select(r => r.GetProperty("runKey").GetString() + ":" + r.GetProperty("state").GetString()).ToList();
        Assert.Equal(["2026-02-08:none", "2026-02-10:open", "2026-02-09:triggered"], collect);
        Assert.Equal(2, runKey.Json.RootElement.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "report"));
        Assert.Equal(["running:reindex", "pending:nightly-export", "failed:send-report", "completed:one-off"], jobs.Json.RootElement.GetProperty("statuses").EnumerateArray()
            .SelectMany(s => s.GetProperty("jobs").EnumerateArray().Select(j => s.GetProperty("status").GetString() + ":" + j.GetProperty("id").GetString())));
        Assert.Equal("m-bad", rejected.Json.RootElement.GetProperty("messages")[0].GetProperty("messageId").GetString());
        phases.Json.Dispose();
        runKey.Json.Dispose();
        jobs.Json.Dispose();
        rejected.Json.Dispose();
    }

    [Fact]
    public async Task Ids_Firestore_refuses_as_document_ids_are_never_a_500()
    {
        var host = (await emulator.FirestoreAsync()).HostPort;
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true, firestoreEmulator: host);
        await server.SeedAsync();
        var ct = TestContext.Current.CancellationToken;

        var phases = await server.Client.GetAsync("/pax?phase=process&after=" + Uri.EscapeDataString("1~a/b"), ct);
        var jobs = await server.Client.GetAsync("/pax/jobs?status=pending&after=" + Uri.EscapeDataString("1~__x__"), ct);
        var retry = await DashboardForms.PostWithTokenAsync(server, "/pax/actions/jobs/__x__/retry?version=1");
        var delete = await DashboardForms.PostWithTokenAsync(server, "/pax/actions/jobs/__x__/delete?version=1");
        var redrive = await DashboardForms.PostWithTokenAsync(server, "/pax/actions/redrive/process/__x__");

        // A cursor with a key no store accepts reads as the first page; an action on such an id is 400.
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            [phases.StatusCode, jobs.StatusCode, retry.StatusCode, delete.StatusCode, redrive.StatusCode]);
        Assert.Contains("run-2", await phases.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("nightly-export", await jobs.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
