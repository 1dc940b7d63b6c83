using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.Orchestration.Pulse;

namespace Pax.Orchestration.Dashboard.Tests.Api;

/// <summary>
/// The pulse page's cost on Firestore (emulator) does not grow with what happened: one query per store, and the
/// documents it returns are bounded by 2 days × 16 shards per scope, measured with a few reports and with thousands.
/// </summary>
public sealed partial class FirestorePulseCostTests(FirestoreEmulatorFixture emulator, ITestOutputHelper output) : IClassFixture<FirestoreEmulatorFixture>
{
    [Fact]
    public async Task The_pulse_costs_one_bounded_query_per_store_with_a_few_reports_and_with_24_000()
    {
        var counter = new RequestCounter();
        var documents = new DocumentCounter();
        var host = (await emulator.FirestoreAsync()).HostPort;
        await using var server = await DashboardServer.StartAsync(
            services: s => s.AddHttpClient<FirestoreClient>().AddHttpMessageHandler(() => counter).AddHttpMessageHandler(() => documents),
            firestoreEmulator: host);
        var pulse = server.Services.GetRequiredService<PulseSource>();
        await server.SeedAsync();
        await pulse.FlushAsync();

        var small = await CostAsync(server, counter, documents);

        // About 24,000 more reports over the next 24 hours in three phases, stored in 240 writes (each on a random shard).
        var recorder = server.Services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.PhasesKey);
        for (var hour = 0; hour < 24; hour++)
        {
            for (var write = 0; write < 10; write++)
            {
                foreach (var phase in new[] { "collect", "process", "publish" })
                {
                    recorder.Count(phase, PulseCounter.Reports, 33);
                }

                await recorder.FlushAsync();
            }

            server.Time.Advance(TimeSpan.FromHours(1));
        }

        var large = await CostAsync(server, counter, documents);

        output.WriteLine($"few reports: calls {string.Join(", ", small.Calls)}; documents read {small.Documents}");
        output.WriteLine($"24,000 more reports: calls {string.Join(", ", large.Calls)}; documents read {large.Documents}");
        Assert.Equal(["POST :runQuery", "POST :runQuery"], small.Calls);
        Assert.Equal(small.Calls, large.Calls);

        // Three phases with counts (and the scheduler's empty query, 0 documents): at most 2 days × 16 shards each.
        Assert.InRange(large.Documents, 1, 3 * 2 * FirestorePulseStore.Shards);
    }

    private static async Task<(IReadOnlyList<string> Calls, int Documents)> CostAsync(DashboardServer server, RequestCounter counter, DocumentCounter documents)
    {
        counter.Reset();
        documents.Reset();
        using var response = await server.Client.GetAsync("/pax/api/pulse", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (counter.Calls.Order(StringComparer.Ordinal).ToList(), documents.Documents);
    }

    /// <summary>Counts the documents runQuery answers return (Firestore bills one read per document, and one for an empty answer).</summary>
    private sealed partial class DocumentCounter : DelegatingHandler
    {
        private int _documents;

        public int Documents => Volatile.Read(ref _documents);

        public void Reset() => Interlocked.Exchange(ref _documents, 0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith(":runQuery", StringComparison.Ordinal))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Interlocked.Add(ref _documents, DocumentField().Count(body));
                var replaced = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                response.Content = replaced;
            }

            return response;
        }

        [GeneratedRegex("\"document\"\\s*:")]
        private static partial Regex DocumentField();
    }
}
