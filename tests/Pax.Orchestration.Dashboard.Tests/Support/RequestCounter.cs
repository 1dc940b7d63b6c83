namespace Pax.Orchestration.Dashboard.Tests.Support;

/// <summary>Counts the Firestore REST calls the stores make (method and the path after <c>/documents</c>), to measure a page's cost; the database health probe is not counted.</summary>
public sealed class RequestCounter : DelegatingHandler
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>GETs <paramref name="path"/> (expecting success) and returns the Firestore calls it made and its JSON.</summary>
    public async Task<(IReadOnlyList<string> Calls, System.Text.Json.JsonDocument Json)> CallsForAsync(DashboardServer server, string path)
    {
        Reset();
        var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (Calls, json);
    }

    public void Reset()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.Contains("/" + Pax.GoogleCloud.Firestore.FirestoreClient.HealthCollection + "/", StringComparison.Ordinal))
        {
            // The database startup check (a hosted service) may probe at any time after start: not a page's cost.
            return base.SendAsync(request, cancellationToken);
        }

        var at = path.IndexOf("/documents", StringComparison.Ordinal);
        var operation = at < 0 ? path : path[(at + "/documents".Length)..];
        lock (_calls)
        {
            _calls.Add(request.Method.Method + " " + (operation.StartsWith(':') ? operation : operation.Length == 0 ? "/" : "/{document}"));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
