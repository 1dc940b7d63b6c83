using System.Net;
using System.Net.Sockets;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling.Handlers;

/// <summary>
/// The <c>http</c> job at run time, on loopback servers: the connect step refuses names that resolve to link-local or
/// metadata addresses, redirects are followed only within the origin (and the ID token never leaves it), the allow-list
/// is checked again before the request, and transport failures all read the same.
/// </summary>
public sealed class HttpJobHandlerSecurityTests
{
    private static readonly IPAddress[] Loopback = [IPAddress.Loopback];

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("fd20:ce::254")]
    public async Task A_name_that_resolves_to_a_link_local_or_metadata_address_is_refused_when_connecting(string resolved)
    {
        await using var http = new HttpJobHarness(hosts: new Dictionary<string, IPAddress[]>
        {
            ["innocent.example"] = [IPAddress.Loopback, IPAddress.Parse(resolved)],
        });
        const string Payload = """{"url":"http://innocent.example/computeMetadata/v1/"}""";
        Assert.Null(http.Validate(Payload));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync(Payload));

        Assert.Equal("POST http://innocent.example/computeMetadata/v1/ was refused: the host resolves to a link-local or metadata address.", failure.Message);
        Assert.Equal(["innocent.example"], http.Resolver.Asked);
    }

    [Fact]
    public async Task The_connect_step_connects_to_the_address_it_resolved_and_checked()
    {
        await using var target = await RecordingServer.StartAsync();
        await using var http = new HttpJobHarness(hosts: new Dictionary<string, IPAddress[]> { ["svc.example"] = Loopback });

        await http.ExecuteAsync($$"""{"url":"http://svc.example:{{target.BaseAddress.Port}}/hook"}""");

        var request = Assert.Single(target.Requests);
        Assert.Equal(("POST", "/hook"), (request.Method, request.PathAndQuery));
        Assert.Equal($"svc.example:{target.BaseAddress.Port}", request.Headers["Host"]);
        Assert.Equal(["svc.example"], http.Resolver.Asked);
    }

    [Fact]
    public async Task A_stored_job_to_a_metadata_address_fails_before_any_connection()
    {
        await using var http = new HttpJobHarness();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => http.ExecuteAsync("""{"url":"http://[::ffff:a9fe:a9fe]/"}"""));

        Assert.Contains("link-local or metadata", failure.Message, StringComparison.Ordinal);
        Assert.Empty(http.Resolver.Asked);
    }

    [Fact]
    public async Task The_allow_list_is_checked_again_before_the_request()
    {
        await using var target = await RecordingServer.StartAsync();
        await using var http = new HttpJobHarness(o => o.AllowedUrls = ["http://127.0.0.1:1/only-here"]);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => http.ExecuteAsync($$"""{"url":"{{target.BaseAddress}}hook"}"""));

        Assert.Contains("Pax:Scheduling:HttpJobs:AllowedUrls", failure.Message, StringComparison.Ordinal);
        Assert.Empty(target.Requests);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_origin_is_not_followed_and_the_token_is_not_sent_there(int status)
    {
        await using var elsewhere = await RecordingServer.StartAsync();
        await using var target = await RecordingServer.StartAsync(respond: _ => (status, elsewhere.BaseAddress + "steal"));
        await using var http = new HttpJobHarness();
        var origin = target.BaseAddress.GetLeftPart(UriPartial.Authority);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync($$"""{"url":"{{origin}}/hook","audience":"{{origin}}"}"""));

        Assert.Equal($"POST {origin}/hook answered HTTP {status}, a redirect to another origin; not followed.", failure.Message);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal($"Bearer id-token-for-{origin}", Assert.Single(target.Requests).Headers["Authorization"]);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_redirect_to_localhost_on_the_same_port_is_another_origin()
    {
        await using var target = await RecordingServer.StartAsync(respond: path => path == "/hook" ? (307, null) : (200, null));
        await using var redirecting = await RecordingServer.StartAsync(respond: _ => (307, $"http://localhost:{target.BaseAddress.Port}/hook"));
        await using var http = new HttpJobHarness(hosts: new Dictionary<string, IPAddress[]> { ["localhost"] = Loopback });

        await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync($$"""{"url":"{{redirecting.BaseAddress}}hook"}"""));

        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task A_same_origin_307_is_followed_with_the_body_and_the_token()
    {
        await using var target = await RecordingServer.StartAsync(respond: path => path == "/old" ? (307, "/new?x=1") : (200, null));
        await using var http = new HttpJobHarness();
        var origin = target.BaseAddress.GetLeftPart(UriPartial.Authority);

        await http.ExecuteAsync($$"""{"url":"{{origin}}/old","body":{"n":1},"audience":"{{origin}}/"}""");

        var requests = target.Requests.ToArray();
        Assert.Equal([("POST", "/old"), ("POST", "/new?x=1")], requests.Select(r => (r.Method, r.PathAndQuery)));
        Assert.All(requests, r => Assert.Equal("""{"n":1}""", r.Body));
        Assert.All(requests, r => Assert.Equal($"Bearer id-token-for-{origin}/", r.Headers["Authorization"]));
        Assert.All(requests, r => Assert.Equal("job@2026-01-05T12:00:00Z", r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task A_same_origin_303_continues_with_a_get_without_a_body()
    {
        await using var target = await RecordingServer.StartAsync(respond: path => path == "/submit" ? (303, "/status") : (200, null));
        await using var http = new HttpJobHarness();

        await http.ExecuteAsync($$$"""{"url":"{{{target.BaseAddress}}}submit","body":{"n":1}}""");

        Assert.Equal([("POST", "/submit", """{"n":1}"""), ("GET", "/status", "")], target.Requests.Select(r => (r.Method, r.PathAndQuery, r.Body)));
    }

    [Fact]
    public async Task Same_origin_redirects_stop_after_the_limit()
    {
        await using var target = await RecordingServer.StartAsync(respond: _ => (307, "/again"));
        await using var http = new HttpJobHarness();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync($$"""{"url":"{{target.BaseAddress}}again"}"""));

        Assert.Contains("more than 3 redirects", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, target.Requests.Count);
    }

    [Fact]
    public async Task A_same_origin_redirect_out_of_the_allow_list_is_not_followed()
    {
        await using var target = await RecordingServer.StartAsync(respond: path => path == "/api/hook" ? (307, "/admin") : (200, null));
        await using var http = new HttpJobHarness(o => o.AllowedUrls = [target.BaseAddress + "api"]);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync($$"""{"url":"{{target.BaseAddress}}api/hook"}"""));

        Assert.Contains("a redirect that is refused", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["/api/hook"], target.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_refused_connection_and_an_unknown_host_give_the_same_coarse_error()
    {
        var closedPort = ClosedLoopbackPort();
        var url = $"http://svc.example:{closedPort}/hook?token=secret";
        await using var unknown = new HttpJobHarness();
        await using var refused = new HttpJobHarness(hosts: new Dictionary<string, IPAddress[]> { ["svc.example"] = Loopback });

        var unresolvable = await Assert.ThrowsAsync<HttpRequestException>(() => unknown.ExecuteAsync($$"""{"url":"{{url}}"}"""));
        var connectionRefused = await Assert.ThrowsAsync<HttpRequestException>(() => refused.ExecuteAsync($$"""{"url":"{{url}}"}"""));

        var expected = $"POST http://svc.example:{closedPort}/hook did not complete (connection failed).";
        Assert.Equal(expected, unresolvable.Message);
        Assert.Equal(expected, connectionRefused.Message);
        Assert.Equal(SocketError.HostNotFound, FindSocketError(unresolvable));
        Assert.Equal(SocketError.ConnectionRefused, FindSocketError(connectionRefused));
    }

    [Fact]
    public async Task A_reset_connection_gives_the_coarse_error_too()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var reset = ResetNextConnectionAsync(listener);
        await using var http = new HttpJobHarness();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync($$"""{"url":"http://127.0.0.1:{{port}}/hook"}"""));
        await reset;

        Assert.Equal($"POST http://127.0.0.1:{port}/hook did not complete (connection failed).", failure.Message);
        Assert.NotNull(failure.InnerException);
    }

    [Fact]
    public async Task A_tls_failure_gives_the_coarse_error_too()
    {
        await using var plain = await RecordingServer.StartAsync();
        await using var http = new HttpJobHarness();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync($$"""{"url":"https://127.0.0.1:{{plain.BaseAddress.Port}}/hook"}"""));

        Assert.Equal($"POST https://127.0.0.1:{plain.BaseAddress.Port}/hook did not complete (connection failed).", failure.Message);
        Assert.NotNull(failure.InnerException);
    }

    [Fact]
    public async Task An_http_answer_keeps_its_status_code_without_the_query()
    {
        await using var target = await RecordingServer.StartAsync(status: 500, body: "internal details");
        await using var http = new HttpJobHarness();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.ExecuteAsync($$"""{"url":"{{target.BaseAddress}}hook?key=secret"}"""));

        Assert.Equal($"POST {target.BaseAddress}hook answered HTTP 500.", failure.Message);
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
    }

    [Fact]
    public async Task Cancellation_by_the_tick_is_not_turned_into_a_connection_failure()
    {
        await using var http = new HttpJobHarness(hosts: new Dictionary<string, IPAddress[]> { ["svc.example"] = Loopback });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => http.Handler.ExecuteAsync(HttpJobHarness.Context("job", """{"url":"http://svc.example:1/hook"}"""), cancelled.Token));
    }

    private static async Task ResetNextConnectionAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptSocketAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[1];
        await socket.ReceiveAsync(buffer, SocketFlags.None, TestContext.Current.CancellationToken);
        socket.LingerState = new LingerOption(enable: true, seconds: 0);
        socket.Close();
    }

    private static int ClosedLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static SocketError? FindSocketError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
