using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Pax.Orchestration.Tests.Support;

/// <summary>
/// The primary handler under <c>FirestoreClient</c> for contention tests: a GET answers <see cref="ReadAnswer"/>, each
/// <c>:commit</c> takes the next scripted answer (409 <c>ABORTED</c> "Too much contention on these documents. Please try
/// again." once the script is spent — Firestore's contention answer, FACTS §6.6).
/// </summary>
internal sealed class ScriptedFirestoreHandler : HttpMessageHandler
{
    public const string Aborted = "{\"error\":{\"code\":409,\"message\":\"Too much contention on these documents. Please try again.\",\"status\":\"ABORTED\"}}";

    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> _commits = new();

    public (HttpStatusCode Status, string Body) ReadAnswer { get; set; } =
        (HttpStatusCode.NotFound, "{\"error\":{\"code\":404,\"message\":\"Document (x) not found.\",\"status\":\"NOT_FOUND\"}}");

    public int Commits => _commitCount;

    private int _commitCount;

    public ScriptedFirestoreHandler Commit(HttpStatusCode status, string body)
    {
        _commits.Enqueue((status, body));
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (status, body) = request.Method == HttpMethod.Get
            ? ReadAnswer
            : request.RequestUri!.AbsolutePath.EndsWith(":commit", StringComparison.Ordinal)
                ? NextCommit()
                : (HttpStatusCode.BadRequest, "{\"error\":{\"code\":400,\"message\":\"not scripted\",\"status\":\"INVALID_ARGUMENT\"}}");
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private (HttpStatusCode, string) NextCommit()
    {
        Interlocked.Increment(ref _commitCount);
        return _commits.TryDequeue(out var answer) ? answer : (HttpStatusCode.Conflict, Aborted);
    }
}
