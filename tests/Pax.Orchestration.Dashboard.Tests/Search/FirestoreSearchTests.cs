using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Search;

/// <summary>The search and filters over the Firestore stores (emulator): the same answers as on SQLite, and the Firestore calls each costs.</summary>
public sealed class FirestoreSearchTests(FirestoreEmulatorFixture emulator) : IClassFixture<FirestoreEmulatorFixture>
{
    [Fact]
    public async Task Each_search_costs_one_bounded_query_per_list_and_answers_as_on_SQLite()
    {
        var counter = new RequestCounter();
        var host = (await emulator.FirestoreAsync()).HostPort;
        await using var server = await DashboardServer.StartAsync(
            services: s => s.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(() => counter),
            firestoreEmulator: host);
        await server.SeedAsync();

        var overdue = await counter.CallsForAsync(server, "/pax/api/phases?phase=collect&state=overdue");
        var failed = await counter.CallsForAsync(server, "/pax/api/phases?phase=process&state=trigger-failed");
        var prefix = await counter.CallsForAsync(server, "/pax/api/phases?phase=collect&prefix=2026-02&state=triggered");
        var search = await counter.CallsForAsync(server, "/pax/api/search?q=run-2");
        var jobs = await counter.CallsForAsync(server, "/pax/api/jobs?status=failed&type=http");
        var instances = await counter.CallsForAsync(server, "/pax/api/instances");

        // A filtered phase: one runQuery and the rejected count (an overdue filter skips the expected run keys).
        Assert.Equal(["POST :runAggregationQuery", "POST :runQuery"], overdue.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(["POST :runAggregationQuery", "POST :runQuery"], failed.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(["POST :runAggregationQuery", "POST :runQuery"], prefix.Calls.Order(StringComparer.Ordinal));

        // Search: per phase (three) the prefix query and the rejected count, collect's expected run keys, and one get per
        // phase without the exact key among its hits (collect, publish), plus the job's get.
        Assert.Equal(
            ["GET /{document}", "GET /{document}", "GET /{document}", "POST :batchGet", "POST :runAggregationQuery", "POST :runAggregationQuery", "POST :runAggregationQuery", "POST :runQuery", "POST :runQuery", "POST :runQuery"],
            search.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(["POST :runQuery"], jobs.Calls);
        Assert.Equal(["POST :runQuery", "POST :runQuery", "POST :runQuery", "POST :runQuery"], instances.Calls);

        Assert.Equal(["2026-02-10"], Keys(overdue.Json));
        Assert.Equal(["run-2"], Keys(failed.Json));
        Assert.Equal(["2026-02-09"], Keys(prefix.Json));
        Assert.Equal(["run-2"], search.Json.RootElement.GetProperty("phases")[1].GetProperty("runKeys").EnumerateArray().Select(r => r.GetProperty("runKey").GetString()));
        Assert.Equal("send-report", jobs.Json.RootElement.GetProperty("statuses")[0].GetProperty("jobs")[0].GetProperty("id").GetString());
        Assert.Equal(2, instances.Json.RootElement.GetProperty("instances").GetArrayLength());
        foreach (var json in new[] { overdue.Json, failed.Json, prefix.Json, search.Json, jobs.Json, instances.Json })
        {
            json.Dispose();
        }
    }

    private static List<string?> Keys(JsonDocument json) =>
        json.RootElement.GetProperty("phases")[0].GetProperty("runKeys").EnumerateArray().Select(r => r.GetProperty("runKey").GetString()).ToList();
}
