using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Completion.Stores.Internal;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Api;

/// <summary>
/// A Firestore composite index the rejected deliveries' queries need is missing (a project deployed without
/// deploy.sh's index step): the phases and run key pages still show their run keys, and say which index the
/// rejections need and how to create it, instead of a 503 for the whole page.
/// </summary>
public sealed class MissingIndexTests(FirestoreEmulatorFixture emulator) : IClassFixture<FirestoreEmulatorFixture>
{
    private const string PhaseIndex =
        "index missing: pax_rejected (phase ascending, receivedAt descending); create it: gcloud firestore indexes composite create --collection-group=pax_rejected --query-scope=COLLECTION --field-config=field-path=phase,order=ascending --field-config=field-path=receivedAt,order=descending (the orchestrator sample's deploy/deploy.sh does)";

    private const string RunKeyIndex =
        "index missing: pax_rejected (phase ascending, runKey ascending, receivedAt descending); create it: gcloud firestore indexes composite create --collection-group=pax_rejected --query-scope=COLLECTION --field-config=field-path=phase,order=ascending --field-config=field-path=runKey,order=ascending --field-config=field-path=receivedAt,order=descending (the orchestrator sample's deploy/deploy.sh does)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_phases_and_run_key_pages_render_and_name_the_missing_index()
    {
        await using var server = await DashboardServer.StartAsync(
            services: s => s.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(() => new NoRejectedIndex()),
            firestoreEmulator: (await emulator.FirestoreAsync()).HostPort);
        await server.SeedAsync();

        using var phases = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases", Ct));
        using var runKey = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases/collect/2026-02-10", Ct));
        var (phasesResponse, phasesPage) = await Html.GetAsync(server.Client, "/pax");
        var (runKeyResponse, runKeyPage) = await Html.GetAsync(server.Client, "/pax/phases/collect/2026-02-10");
        using var rejectedPage = await server.Client.GetAsync("/pax/rejected?phase=collect", Ct);

        var collect = phases.RootElement.GetProperty("phases")[0];
        Assert.Equal(PhaseIndex, collect.GetProperty("rejectedUnavailable").GetString());
        Assert.NotEmpty(collect.GetProperty("runKeys").EnumerateArray());
        Assert.Equal(RunKeyIndex, runKey.RootElement.GetProperty("rejectedUnavailable").GetString());
        Assert.Equal("2026-02-10", runKey.RootElement.GetProperty("runKey").GetString());
        Assert.Equal(HttpStatusCode.OK, phasesResponse.StatusCode);
        Assert.Contains("rejections: unavailable (" + PhaseIndex + ")", phasesPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, runKeyResponse.StatusCode);
        Assert.Contains("Rejections: unavailable (" + RunKeyIndex + ").", runKeyPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejectedPage.StatusCode);
        Assert.Equal("503: rejections unavailable (" + PhaseIndex + ").\n", await rejectedPage.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_deploy_script_creates_the_indexes_the_rejected_queries_need()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Pax.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
        }

        var script = await File.ReadAllTextAsync(Path.Combine(root.FullName, "samples", "Pax.Orchestrator.Function", "deploy", "deploy.sh"), Ct);
        var flat = Regex.Replace(script.Replace("\\\n", " ", StringComparison.Ordinal), " +", " ");

        foreach (var index in new[] { PhaseIndex, RunKeyIndex })
        {
            var fields = string.Join(" ", index.Split(' ').Where(w => w.StartsWith("--field-config=", StringComparison.Ordinal)).Select(w => w.Replace("--field-config=", "--field-config=\"", StringComparison.Ordinal) + "\""));
            Assert.Contains("--collection-group=pax_rejected --query-scope=COLLECTION " + fields, flat, StringComparison.Ordinal);
        }

        // The search's indexes, as the stores' queries name them (a phase's tallies are in ${PHASE}_completion).
        var search = FirestoreTallySearch.Indexes.Select(i => ("\"${PHASE}_completion\"", i))
            .Concat([("pax_rejected", FirestoreCompletionStore.RejectedReasonIndex(byPhase: false)), ("pax_rejected", FirestoreCompletionStore.RejectedReasonIndex(byPhase: true))])
            .Append(("scheduler_jobs", FirestoreScheduledJobStore.TypeIndex));
        foreach (var (collection, index) in search)
        {
            var fields = string.Join(" ", index.Select(f => $"--field-config=\"field-path={f.Field},order={(f.Descending ? "descending" : "ascending")}\""));
            Assert.Contains($"--collection-group={collection} --query-scope=COLLECTION {fields}", flat, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Answers the filtered queries of <c>pax_rejected</c> as Firestore does without their composite index: 400
    /// <c>FAILED_PRECONDITION</c>, "The query requires an index. You can create it here: …"
    /// (https://cloud.google.com/firestore/docs/query-data/indexing: "If you attempt a compound query with a range clause
    /// that doesn't map to an existing index, you receive an error. The error message includes a direct link to create
    /// the missing index"; error shape: https://cloud.google.com/apis/design/errors#http_mapping). The emulator needs no indexes.
    /// </summary>
    private sealed class NoRejectedIndex : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (request.Method == HttpMethod.Post && body.Contains("\"pax_rejected\"", StringComparison.Ordinal) && body.Contains("\"where\"", StringComparison.Ordinal))
            {
                const string Error = """{"error":{"code":400,"message":"The query requires an index. You can create it here: https://console.firebase.google.com/v1/r/project/p/firestore/indexes?create_composite=Ck1wcm9qZWN0cy9w","status":"FAILED_PRECONDITION"}}""";
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(Error, Encoding.UTF8, "application/json"), RequestMessage = request };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
