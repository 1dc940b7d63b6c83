using System.Text;
using System.Text.Json;

namespace Pax.Benchmarks.Dashboard;

/// <summary>
/// Counts the document reads Firestore bills for the dashboard's calls, from the answers
/// (https://cloud.google.com/firestore/pricing#operations): a query one per document returned and at least one, a
/// <c>get</c> one, a <c>batchGet</c> one per document asked for, a count aggregation one per 1,000 index entries counted
/// and at least one. The database health probe is not counted.
/// </summary>
internal sealed class FirestoreReadCounter : DelegatingHandler
{
    private long _reads;
    private long _calls;

    public (long Reads, long Calls) Take() => (Interlocked.Exchange(ref _reads, 0), Interlocked.Exchange(ref _calls, 0));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var path = request.RequestUri!.AbsolutePath;
        if (path.Contains("/" + Pax.GoogleCloud.Firestore.FirestoreClient.HealthCollection + "/", StringComparison.Ordinal) || path.EndsWith(":commit", StringComparison.Ordinal))
        {
            return response;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        response.Content = new StringContent(text, Encoding.UTF8, "application/json");
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _reads, Reads(request.Method, path, text));
        return response;
    }

    private static long Reads(HttpMethod method, string path, string answer)
    {
        if (method == HttpMethod.Get)
        {
            return 1;
        }

        using var json = JsonDocument.Parse(answer);
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
        if (path.EndsWith(":batchGet", StringComparison.Ordinal))
        {
            return items.Count(i => i.TryGetProperty("found", out _) || i.TryGetProperty("missing", out _));
        }

        if (path.EndsWith(":runAggregationQuery", StringComparison.Ordinal))
        {
            var counted = items.Where(i => i.TryGetProperty("result", out _))
                .SelectMany(i => i.GetProperty("result").GetProperty("aggregateFields").EnumerateObject())
                .Sum(f => long.Parse(f.Value.GetProperty("integerValue").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            return Math.Max(1, (counted + 999) / 1000);
        }

        return Math.Max(1, items.Count(i => i.TryGetProperty("document", out _)));
    }
}
