using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Pax.TestSupport.GoogleRest.Internal;

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) in front of a Google REST fake: records every request, checks the bearer token
/// (401 <c>UNAUTHENTICATED</c> as Google answers), then lets the fake answer.
/// </summary>
internal sealed class RestLoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedRestRequest> _requests = [];
    private readonly string? _accessToken;
    private readonly Func<RecordedRestRequest, Task<RestResponse>> _handle;
    private readonly List<(Func<RecordedRestRequest, bool> Match, RestResponse Answer)> _refusals = [];
    private readonly List<Func<RecordedRestRequest, RestResponse?>> _overrides = [];
    private readonly List<(Func<RecordedRestRequest, bool> Match, TaskCompletionSource Arrived)> _holds = [];

    private RestLoopbackHost(string? accessToken, Func<RecordedRestRequest, Task<RestResponse>> handle)
    {
        _accessToken = accessToken;
        _handle = handle;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRestRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static Task<RestLoopbackHost> StartAsync(string? accessToken, Func<RecordedRestRequest, RestResponse> handle, CancellationToken cancellationToken) =>
        StartAsync(accessToken, request => Task.FromResult(handle(request)), cancellationToken);

    /// <summary>Starts a host whose fake may hold an answer (a request that lands, then answers late).</summary>
    public static async Task<RestLoopbackHost> StartAsync(string? accessToken, Func<RecordedRestRequest, Task<RestResponse>> handle, CancellationToken cancellationToken)
    {
        var host = new RestLoopbackHost(accessToken, handle);
        await host._app.StartAsync(cancellationToken);
        var address = host._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    /// <summary>Answers every later request that <paramref name="match"/> accepts with <paramref name="answer"/> instead of the fake's own.</summary>
    public void Refuse(Func<RecordedRestRequest, bool> match, RestResponse answer)
    {
        lock (_gate)
        {
            _refusals.Add((match, answer));
        }
    }

    /// <summary>Lets <paramref name="answer"/> answer every later request it returns an answer for, instead of the fake (a hostile or broken API).</summary>
    public void Override(Func<RecordedRestRequest, RestResponse?> answer)
    {
        lock (_gate)
        {
            _overrides.Add(answer);
        }
    }

    /// <summary>
    /// Never answers the later requests <paramref name="match"/> accepts: each is held until its caller gives up (the
    /// connection is aborted). The returned task completes when the first such request arrived.
    /// </summary>
    public Task HoldUntilAborted(Func<RecordedRestRequest, bool> match)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _holds.Add((match, arrived));
        }

        return arrived.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value)
            .ToDictionary(p => p.Key, p => p.Value[^1] ?? string.Empty, StringComparer.Ordinal);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var request = new RecordedRestRequest(context.Request.Method, rawTarget, query, headers, body.ToArray());
        lock (_gate)
        {
            _requests.Add(request);
        }

        RestResponse? refusal;
        TaskCompletionSource? held;
        lock (_gate)
        {
            refusal = _refusals.FirstOrDefault(r => r.Match(request)).Answer ?? _overrides.Select(o => o(request)).FirstOrDefault(a => a is not null);
            held = _holds.FirstOrDefault(h => h.Match(request)).Arrived;
        }

        if (held is not null)
        {
            held.TrySetResult();
            await WaitForAbortAsync(context.RequestAborted);
            return;
        }

        var response = Authenticate(request) ?? refusal ?? await _handle(request);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task WaitForAbortAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up: nothing is answered.
        }
    }

    private RestResponse? Authenticate(RecordedRestRequest request)
    {
        if (_accessToken is null || request.Authorization == $"Bearer {_accessToken}")
        {
            return null;
        }

        return RestResponse.Error(
            401,
            "UNAUTHENTICATED",
            request.Authorization is null
                ? "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential."
                : "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
    }
}
