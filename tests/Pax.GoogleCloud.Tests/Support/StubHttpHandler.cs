using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Pax.GoogleCloud.Tests.Support;

/// <summary>The primary handler under a typed client: records each request (with its body) and answers from a queue (the last answer repeats).</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> _answers = new();
    private (HttpStatusCode Status, string Body) _last = (HttpStatusCode.OK, "{}");

    public ConcurrentQueue<(HttpRequestMessage Request, string Body, string? Authorization)> Requests { get; } = new();

    public StubHttpHandler Answer(HttpStatusCode status, string body)
    {
        _answers.Enqueue((status, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body, request.Headers.Authorization?.ToString()));
        if (_answers.TryDequeue(out var answer))
        {
            _last = answer;
        }

        return new HttpResponseMessage(_last.Status) { Content = new StringContent(_last.Body, Encoding.UTF8, "application/json") };
    }
}
