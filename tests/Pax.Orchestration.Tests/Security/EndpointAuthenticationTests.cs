using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.CloudRun;

namespace Pax.Orchestration.Tests.Security;

/// <summary>Every endpoint but <c>/healthz</c> is authenticated, each for its own accounts; a malformed token is a 401, never a 5xx.</summary>
public sealed class EndpointAuthenticationTests
{
    private const string PushAccount = "push@p.iam.gserviceaccount.com";
    private const string Operator = "watchdog@p.iam.gserviceaccount.com";
    private const string TickAccount = "scheduler@p.iam.gserviceaccount.com";
    private const string Admin = "admin@p.iam.gserviceaccount.com";
    private const string Audience = "https://orchestrator-abc-uc.a.run.app";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("POST", "/watchdog")]
    [InlineData("GET", "/tallies/phase2/k1")]
    public async Task Orchestration_endpoints_answer_401_without_a_token(string method, string path)
    {
        await using var server = await StartOrchestratorAsync();

        var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = PushBodies.Json("{}") }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/cron/tick")]
    [InlineData("POST", "/jobs")]
    [InlineData("GET", "/jobs/any")]
    public async Task Scheduling_endpoints_answer_401_without_a_token(string method, string path)
    {
        await using var server = await StartSchedulerAsync(jobCreators: []);

        var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = PushBodies.Json("{}") }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_watchdog_and_tally_status_take_the_operator_accounts_and_not_the_push_account_once_operators_are_set()
    {
        await using var server = await StartOrchestratorAsync(operators: [Operator]);
        var now = server.Time.GetUtcNow();

        var byOperator = await SendAsync(server.Client, HttpMethod.Post, "/watchdog", Operator, now);
        var statusByOperator = await SendAsync(server.Client, HttpMethod.Get, "/tallies/phase2/k1", Operator, now);
        var byPushAccount = await SendAsync(server.Client, HttpMethod.Post, "/watchdog", PushAccount, now);
        var operatorPushing = await SendAsync(server.Client, HttpMethod.Post, "/", Operator, now, PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")));

        Assert.Equal(HttpStatusCode.OK, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, statusByOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byPushAccount.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, operatorPushing.StatusCode);
    }

    [Fact]
    public async Task Without_operator_accounts_the_push_account_may_run_the_watchdog()
    {
        await using var server = await StartOrchestratorAsync();

        var response = await SendAsync(server.Client, HttpMethod.Post, "/watchdog", PushAccount, server.Time.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Jobs_are_created_and_read_only_by_job_creators_once_they_are_set_and_ticks_only_by_the_tick_account()
    {
        await using var server = await StartSchedulerAsync(jobCreators: [Admin]);
        var now = server.Time.GetUtcNow();

        var byTickAccount = await SendAsync(server.Client, HttpMethod.Post, "/jobs", TickAccount, now, Job("j1"));
        var byAdmin = await SendAsync(server.Client, HttpMethod.Post, "/jobs", Admin, now, Job("j1"));
        var readByTickAccount = await SendAsync(server.Client, HttpMethod.Get, "/jobs/j1", TickAccount, now);
        var readByAdmin = await SendAsync(server.Client, HttpMethod.Get, "/jobs/j1", Admin, now);
        var tickByAdmin = await SendAsync(server.Client, HttpMethod.Post, "/cron/tick", Admin, now);
        var tick = await SendAsync(server.Client, HttpMethod.Post, "/cron/tick", TickAccount, now);

        Assert.Equal(HttpStatusCode.Unauthorized, byTickAccount.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, readByTickAccount.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tickByAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tick.StatusCode);
    }

    [Fact]
    public async Task Without_job_creators_the_tick_account_may_create_jobs_as_before()
    {
        await using var server = await StartSchedulerAsync(jobCreators: []);

        var response = await SendAsync(server.Client, HttpMethod.Post, "/jobs", TickAccount, server.Time.GetUtcNow(), Job("j1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// The claims of an allowed account, but a signature part that is not Cloud Run's SIGNATURE_REMOVED_BY_GOOGLE: such a
    /// token reached the container without Cloud Run's IAM check (the service lets unauthenticated requests in, or was
    /// reached around Cloud Run), so CloudRunIam refuses it on every endpoint; the same claims as Cloud Run passes them on
    /// are accepted.
    /// </summary>
    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    public async Task CloudRunIam_refuses_a_token_Cloud_Run_did_not_check_on_every_endpoint_and_accepts_the_same_claims_Cloud_Run_checked(string alg)
    {
        await using var orchestrator = await StartOrchestratorAsync();
        await using var scheduler = await StartSchedulerAsync(jobCreators: []);
        var expires = orchestrator.Time.GetUtcNow().AddMinutes(30);
        var endpoints = new (HttpClient Client, HttpMethod Method, string Path, string Account, Func<HttpContent?> Body)[]
        {
            (orchestrator.Client, HttpMethod.Post, "/", PushAccount, () => PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1"))),
            (orchestrator.Client, HttpMethod.Post, "/watchdog", PushAccount, () => null),
            (orchestrator.Client, HttpMethod.Get, "/tallies/phase2/k1", PushAccount, () => null),
            (scheduler.Client, HttpMethod.Post, "/jobs", TickAccount, () => Job("j1")),
            (scheduler.Client, HttpMethod.Get, "/jobs/j1", TickAccount, () => null),
            (scheduler.Client, HttpMethod.Post, "/cron/tick", TickAccount, () => null),
        };

        var forged = new List<HttpStatusCode>();
        var checkedByCloudRun = new List<HttpStatusCode>();
        foreach (var (client, method, path, account, body) in endpoints)
        {
            var token = PushBodies.CloudRunToken(account, Audience, expires);
            forged.Add((await SendRawAsync(client, method, path, "Bearer " + UncheckedTokens.Resign(token, alg), body())).StatusCode);
            checkedByCloudRun.Add((await SendRawAsync(client, method, path, "Bearer " + token, body())).StatusCode);
        }

        Assert.All(forged, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK], checkedByCloudRun);
    }

    [Fact]
    public async Task Tokens_Cloud_Run_did_not_check_are_logged_as_such_once_a_minute_at_most_whatever_the_endpoint()
    {
        await using var orchestrator = await StartOrchestratorAsync(services: s => s.AddFakeLogging());
        var logs = orchestrator.Services.GetRequiredService<FakeLogCollector>();
        var forged = "Bearer " + UncheckedTokens.Resign(PushBodies.CloudRunToken(PushAccount, Audience, orchestrator.Time.GetUtcNow().AddMinutes(30)), "none");
        IEnumerable<FakeLogRecord> Alarms() => logs.GetSnapshot().Where(r => r.Id.Name == "UncheckedToken");

        await SendRawAsync(orchestrator.Client, HttpMethod.Post, "/", forged, PushBodies.Json("{}"));
        await SendRawAsync(orchestrator.Client, HttpMethod.Post, "/watchdog", forged);
        orchestrator.Time.Advance(TimeSpan.FromSeconds(59));
        await SendRawAsync(orchestrator.Client, HttpMethod.Get, "/tallies/phase2/k1", forged);
        var withinTheMinute = Alarms().Count();
        orchestrator.Time.Advance(TimeSpan.FromSeconds(1));
        await SendRawAsync(orchestrator.Client, HttpMethod.Post, "/watchdog", forged);

        Assert.Equal(1, withinTheMinute);
        var lines = Alarms().ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, r => Assert.Equal(LogLevel.Error, r.Level));
        Assert.Equal(["1", "3"], lines.Select(r => r.StructuredState!.Single(p => p.Key == "Count").Value));
        Assert.Equal("/watchdog", lines[1].StructuredState!.Single(p => p.Key == "Path").Value);
        Assert.Contains("--allow-unauthenticated", lines[0].Message, StringComparison.Ordinal);
    }

    /// <summary>Tokens that are not tokens: each is a 401 on every endpoint (no 500 from an exp past year 9999, no 503 from an unreadable token).</summary>
    public static TheoryData<string> MalformedTokens() => new()
    {
        "a.b.c",
        "a.b",
        "...",
        "x.!!!.y",
        Jwt("{}"),
        Jwt("[]"),
        Jwt("\"text\""),
        Jwt("""{"iss":"https://accounts.google.com","email":"push@p.iam.gserviceaccount.com","email_verified":true,"exp":253402300800}"""),
        Jwt("""{"iss":"https://accounts.google.com","email":"push@p.iam.gserviceaccount.com","email_verified":true,"exp":-62135596801}"""),
        Jwt("""{"iss":"https://accounts.google.com","email":"push@p.iam.gserviceaccount.com","email_verified":true,"exp":1e300}"""),
        Jwt("""{"iss":"https://accounts.google.com","email":7,"email_verified":true,"exp":1893456000}"""),
        Jwt("""{"iss":"https://accounts.google.com","aud":{"x":1},"email":"push@p.iam.gserviceaccount.com","email_verified":true,"exp":1893456000}"""),
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task A_malformed_token_is_a_401_in_CloudRunIam_mode(string token)
    {
        await using var orchestrator = await StartOrchestratorAsync();
        await using var scheduler = await StartSchedulerAsync(jobCreators: []);

        var push = await SendRawAsync(orchestrator.Client, HttpMethod.Post, "/", "Bearer " + token, PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")));
        var watchdog = await SendRawAsync(orchestrator.Client, HttpMethod.Post, "/watchdog", "Bearer " + token);
        var tick = await SendRawAsync(scheduler.Client, HttpMethod.Post, "/cron/tick", "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, push.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, watchdog.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tick.StatusCode);
    }

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task The_real_signature_validator_calls_a_malformed_token_invalid_without_reaching_Google(string token)
    {
        var claims = await new GoogleInboundTokenValidator().ValidateAsync(token, Audience, Ct);

        Assert.Null(claims);
    }

    private static string Jwt(string payload)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"RS256","typ":"JWT"}""")}.{Encode(payload)}.SIGNATURE_REMOVED_BY_GOOGLE";
    }

    private static StringContent Job(string id) => PushBodies.Json(new JsonObject { ["id"] = id, ["type"] = ScriptedJobHandler.Type }.ToJsonString());

    private static Task<OrchestratorServer> StartOrchestratorAsync(List<string>? operators = null, Action<IServiceCollection>? services = null) => OrchestratorServer.StartAsync(
        o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
            o.Authentication.Audience = Audience;
            o.Authentication.AllowedPrincipals = [PushAccount];
            o.OperatorAccounts = operators ?? [];
        },
        services);

    private static Task<SchedulerServer> StartSchedulerAsync(List<string> jobCreators) => SchedulerServer.StartAsync(o =>
    {
        o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
        o.Authentication.Audience = Audience;
        o.Authentication.AllowedPrincipals = [TickAccount];
        o.JobCreators = jobCreators;
    });

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string account, DateTimeOffset now, HttpContent? content = null) =>
        SendRawAsync(client, method, path, "Bearer " + PushBodies.CloudRunToken(account, Audience, now.AddMinutes(30)), content);

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient client, HttpMethod method, string path, string authorization, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request, Ct);
    }
}
