using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pax.IntegrationTests.Demo;

/// <summary>
/// Records the URI of every HTTP request any <see cref="HttpClient"/> in the process starts while it is alive, from the
/// runtime's own <c>HttpHandlerDiagnosticListener</c> events (every <c>SocketsHttpHandler</c> emits them), so a test can
/// assert where a program's requests went without changing the program.
/// </summary>
internal sealed class OutboundHttpRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly ConcurrentQueue<IDisposable> _subscriptions = new();

    public OutboundHttpRecorder()
    {
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public ConcurrentQueue<Uri> Requests { get; } = new();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            _subscriptions.Enqueue(value.Subscribe(this, (name, _, _) => name is "System.Net.Http.HttpRequestOut" or "System.Net.Http.HttpRequestOut.Start" or "System.Net.Http.Request"));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // "System.Net.Http.Request" (and HttpRequestOut.Start) carry the HttpRequestMessage as "Request".
        if (value.Key == "System.Net.Http.Request" && value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage { RequestUri: { } uri })
        {
            Requests.Enqueue(uri);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        while (_subscriptions.TryDequeue(out var subscription))
        {
            subscription.Dispose();
        }
    }
}
