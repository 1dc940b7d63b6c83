using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Pax.Benchmarks.Orchestration;

/// <summary>
/// Where the time of a delivery goes on the Firestore store: every HTTP attempt of the Firestore client is timed
/// (innermost handler, so one entry per round trip) and attributed to the delivery that made it through an
/// <see cref="AsyncLocal{T}"/>; for the completing deliveries the round trips before the trigger are summarised.
/// </summary>
internal sealed class FirestoreCallProfile
{
    private static readonly AsyncLocal<List<FirestoreCall>?> CurrentDelivery = new();
    private readonly ConcurrentBag<FirestoreCall> _all = [];
    private readonly ConcurrentBag<(double Total, List<FirestoreCall> Before)> _completing = [];

    /// <summary>Starts attributing calls to a new delivery on this async flow.</summary>
    public static List<FirestoreCall> BeginDelivery() => CurrentDelivery.Value = [];

    public DelegatingHandler CreateHandler() => new Timer(this);

    public void Completing(long begin, long fired, List<FirestoreCall> calls) =>
        _completing.Add((Stopwatch.GetElapsedTime(begin, fired).TotalMilliseconds, calls.Where(c => c.End <= fired).ToList()));

    public void Report()
    {
        static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        static double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine();
        Console.WriteLine("Firestore round trips (all deliveries):");
        Console.WriteLine("| call | count | p50 ms | p95 ms | refused (precondition/conflict) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var group in _all.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sorted = group.Select(c => c.Milliseconds).Order().ToList();
            Console.WriteLine($"| {group.Key} | {sorted.Count} | {Ms(P(sorted, 0.5))} | {Ms(P(sorted, 0.95))} | {group.Count(c => c.Status is 400 or 409)} |");
        }

        var completing = _completing.ToList();
        var totals = completing.Select(c => c.Total).Order().ToList();
        var http = completing.Select(c => c.Before.Sum(call => call.Milliseconds)).Order().ToList();
        var other = completing.Select(c => c.Total - c.Before.Sum(call => call.Milliseconds)).Order().ToList();
        Console.WriteLine();
        Console.WriteLine("Completing deliveries (start of the delivery to the trigger):");
        Console.WriteLine("| part | p50 ms | p95 ms |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| total | {Ms(P(totals, 0.5))} | {Ms(P(totals, 0.95))} |");
        Console.WriteLine($"| in Firestore round trips | {Ms(P(http, 0.5))} | {Ms(P(http, 0.95))} |");
        Console.WriteLine($"| outside them (scheduling, CPU) | {Ms(P(other, 0.5))} | {Ms(P(other, 0.95))} |");
        Console.WriteLine("Round trips before the trigger: " + string.Join(", ", completing
            .GroupBy(c => string.Join("+", c.Before.Select(call => call.Kind)))
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} ×{g.Count()}")));
    }

    private sealed class Timer(FirestoreCallProfile profile) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var status = 0;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                return response;
            }
            finally
            {
                var call = new FirestoreCall(KindOf(request), status, start, Stopwatch.GetTimestamp());
                profile._all.Add(call);
                CurrentDelivery.Value?.Add(call);
            }
        }

        private static string KindOf(HttpRequestMessage request)
        {
            var path = request.RequestUri?.AbsolutePath ?? string.Empty;
            return request.Method == HttpMethod.Get ? "get" : path[(path.LastIndexOf(':') + 1)..];
        }
    }
}

/// <summary>One Firestore HTTP attempt: its kind (get, commit, batchGet, runQuery), HTTP status and Stopwatch timestamps.</summary>
internal sealed record FirestoreCall(string Kind, int Status, long Start, long End)
{
    public double Milliseconds => Stopwatch.GetElapsedTime(Start, End).TotalMilliseconds;
}
