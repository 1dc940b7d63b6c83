using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Search;

/// <summary>
/// A Firestore composite index a search needs is missing (a project deployed without deploy.sh's index step): the search
/// answers 503 naming the index and the command that creates it; the unfiltered page, which needs none, still works.
/// </summary>
public sealed class SearchIndexMissingTests(FirestoreEmulatorFixture emulator) : IClassFixture<FirestoreEmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/pax/api/phases?phase=collect&state=open&from=2026-02-10", "collect_completion (_state ascending, _createdAt descending); create it: gcloud firestore indexes composite create --collection-group=collect_completion --query-scope=COLLECTION --field-config=field-path=_state,order=ascending --field-config=field-path=_createdAt,order=descending")]
    [InlineData("/pax?phase=collect&prefix=2026&state=triggered", "collect_completion (_state ascending, _runKey descending); create it: gcloud firestore indexes composite create --collection-group=collect_completion --query-scope=COLLECTION --field-config=field-path=_state,order=ascending --field-config=field-path=_runKey,order=descending")]
    [InlineData("/pax/api/jobs?status=failed&type=http", "scheduler_jobs (status ascending, type ascending, schedule_at ascending); create it: gcloud firestore indexes composite create --collection-group=scheduler_jobs --query-scope=COLLECTION --field-config=field-path=status,order=ascending --field-config=field-path=type,order=ascending --field-config=field-path=schedule_at,order=ascending")]
    public async Task A_search_whose_index_is_missing_answers_503_naming_it(string path, string index)
    {
        await using var server = await DashboardServer.StartAsync(
            services: s => s.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(() => new NoSearchIndex()),
            firestoreEmulator: (await emulator.FirestoreAsync()).HostPort);
        await server.SeedAsync();

        var search = await server.Client.GetAsync(path, Ct);
        var unfiltered = await server.Client.GetAsync(path[..path.IndexOf('?', StringComparison.Ordinal)], Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        Assert.Equal("503: this search is unavailable (index missing: " + index + " (the orchestrator sample's deploy/deploy.sh does)).\n", await search.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, unfiltered.StatusCode);
    }

    /// <summary>
    /// Answers a query that filters on a tally's state or a job's type as Firestore does without its composite index:
    /// 400 <c>FAILED_PRECONDITION</c> (https://cloud.google.com/firestore/docs/query-data/indexing: "If you attempt a
    /// compound query with a range clause that doesn't map to an existing index, you receive an error"; error shape:
    /// https://cloud.google.com/apis/design/errors#http_mapping). The emulator needs no indexes.
    /// </summary>
    private sealed class NoSearchIndex : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (request.Method == HttpMethod.Post && (body.Contains("\"_state\"", StringComparison.Ordinal) || body.Contains("\"type\"", StringComparison.Ordinal)) && body.Contains("\"where\"", StringComparison.Ordinal))
            {
                const string Error = """{"error":{"code":400,"message":"The query requires an index. You can create it here: https://console.firebase.google.com/v1/r/project/p/firestore/indexes?create_composite=Ck1wcm9qZWN0cy9w","status":"FAILED_PRECONDITION"}}""";
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(Error, Encoding.UTF8, "application/json"), RequestMessage = request };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
