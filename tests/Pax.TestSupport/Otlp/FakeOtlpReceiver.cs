using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Pax.TestSupport.Otlp;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on 127.0.0.1 (a free port), as the OTLP specification describes it
/// (opentelemetry.io/docs/specs/otlp/#otlphttp): <c>POST /v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> with
/// <c>Content-Type: application/x-protobuf</c> (binary) or <c>application/json</c>, answered 200 with an empty
/// Export*ServiceResponse in the same encoding (full success); another content type is 415
/// ("Unsupported Media Type"), another path 404, another method 405. Records each export's signal and body.
/// </summary>
public sealed class FakeOtlpReceiver : IAsyncDisposable
{
    private static readonly string[] Signals = ["/v1/traces", "/v1/metrics", "/v1/logs"];

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(string Signal, byte[] Body)> _exports = [];
    private readonly List<(Func<string, byte[], bool> Match, TaskCompletionSource Seen)> _waiters = [];

    private FakeOtlpReceiver()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Gets the receiver's base address, the value of <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> for <c>http/protobuf</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts a receiver.</summary>
    public static async Task<FakeOtlpReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var receiver = new FakeOtlpReceiver();
        await receiver._app.StartAsync(cancellationToken);
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Gets the signals (<c>/v1/traces</c>, …) of the exports received so far.</summary>
    public IReadOnlyList<string> Exports
    {
        get
        {
            lock (_gate)
            {
                return [.. _exports.Select(e => e.Signal)];
            }
        }
    }

    /// <summary>Completes when an export to <paramref name="signal"/> whose body contains <paramref name="text"/> (UTF-8, as protobuf stores strings) has arrived (at most 30 s).</summary>
    public Task WaitForExportAsync(string signal, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        bool Match(string s, byte[] body) => s == signal && body.AsSpan().IndexOf(bytes) >= 0;
        lock (_gate)
        {
            if (_exports.Any(e => Match(e.Signal, e.Body)))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Match, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Signals.Contains(request.Path.Value, StringComparer.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/x-protobuf" or "application/json"))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        lock (_gate)
        {
            _exports.Add((request.Path.Value!, bytes));
            foreach (var waiter in _waiters.Where(w => w.Match(request.Path.Value!, bytes)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        // Full success: an empty Export*ServiceResponse in the request's encoding (zero bytes of protobuf, or "{}").
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = mediaType;
        if (mediaType == "application/json")
        {
            await context.Response.WriteAsync("{}", context.RequestAborted);
        }
    }
}
