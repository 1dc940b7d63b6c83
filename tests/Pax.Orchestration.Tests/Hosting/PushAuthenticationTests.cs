using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Hosting;

public sealed class PushAuthenticationTests
{
    private const string PushAccount = "push@p.iam.gserviceaccount.com";
    private const string Audience = "https://orchestrator-abc-uc.a.run.app";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CloudRunIam_answers_401_without_a_token()
    {
        await using var server = await StartCloudRunIamAsync();

        var response = await server.Client.PostAsync("/", Delivery(), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Trigger.Calls);
    }

    [Fact]
    public async Task CloudRunIam_accepts_a_token_whose_signature_Cloud_Run_removed()
    {
        await using var server = await StartCloudRunIamAsync();
        var token = PushBodies.CloudRunToken(PushAccount, Audience, server.Time.GetUtcNow().AddMinutes(30));

        var response = await SendAsync(server, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("intruder@p.iam.gserviceaccount.com", Audience, true)]
    [InlineData(PushAccount, "https://elsewhere.a.run.app", true)]
    [InlineData(PushAccount, Audience, false)]
    public async Task CloudRunIam_answers_401_for_another_account_audience_or_an_unverified_email(string email, string audience, bool verified)
    {
        await using var server = await StartCloudRunIamAsync();
        var token = PushBodies.CloudRunToken(email, audience, server.Time.GetUtcNow().AddMinutes(30), verified);

        var response = await SendAsync(server, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CloudRunIam_answers_401_for_a_token_that_is_not_a_JWT_or_has_expired()
    {
        await using var server = await StartCloudRunIamAsync();

        var garbage = await SendAsync(server, "not-a-jwt");
        var expired = await SendAsync(server, PushBodies.CloudRunToken(PushAccount, Audience, server.Time.GetUtcNow().AddHours(-1)));

        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task VerifySignature_accepts_what_the_validator_accepts_and_checks_the_email()
    {
        var validator = new FakeValidator();
        await using var server = await OrchestratorServer.StartAsync(
            o =>
            {
                o.Authentication.Mode = InboundAuthenticationMode.VerifySignature;
                o.Authentication.Audience = Audience;
                o.Authentication.AllowedPrincipals = [PushAccount];
            },
            s => s.AddSingleton<IInboundTokenValidator>(validator));

        var valid = await SendAsync(server, "good");
        var invalid = await SendAsync(server, "bad");
        var otherAccount = await SendAsync(server, "other");

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAccount.StatusCode);
        Assert.All(validator.Audiences, a => Assert.Equal(Audience, a));
    }

    [Fact]
    public async Task VerifySignature_answers_503_saying_the_token_check_is_unavailable_when_Googles_certificates_cannot_be_fetched()
    {
        await using var server = await OrchestratorServer.StartAsync(
            o =>
            {
                o.Authentication.Mode = InboundAuthenticationMode.VerifySignature;
                o.Authentication.Audience = Audience;
                o.Authentication.AllowedPrincipals = [PushAccount];
            },
            s => s.AddSingleton<IInboundTokenValidator>(new UnreachableCertificates()).AddFakeLogging());

        var push = await SendAsync(server, "any");
        var reason = (await push.Content.ReadFromJsonAsync<JsonObject>(Ct))!["reason"]!.GetValue<string>();
        using var watchdog = new HttpRequestMessage(HttpMethod.Post, "/watchdog") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "any") } };
        var operatorCall = await server.Client.SendAsync(watchdog, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, push.StatusCode);
        Assert.StartsWith("the token check is unavailable (Google's signing certificates could not be fetched)", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("store", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, operatorCall.StatusCode);
        var logged = server.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(r => r.Id.Name == "TokenCheckUnavailable").ToList();
        Assert.Equal(["POST /", "POST /watchdog"], logged.Select(r => r.StructuredState!.Single(p => p.Key == "Endpoint").Value));
        Assert.All(logged, r => Assert.IsType<HttpRequestException>(r.Exception!.InnerException));
    }

    [Fact]
    public async Task The_scheduler_answers_503_and_logs_that_the_token_check_is_unavailable_not_the_job_store()
    {
        await using var server = await SchedulerServer.StartAsync(
            o =>
            {
                o.Authentication.Mode = InboundAuthenticationMode.VerifySignature;
                o.Authentication.Audience = Audience;
                o.Authentication.AllowedPrincipals = [PushAccount];
            },
            s => s.AddSingleton<IInboundTokenValidator>(new UnreachableCertificates()).AddFakeLogging());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cron/tick") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "any") } };

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var logs = server.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Equal("/cron/tick", Assert.Single(logs, r => r.Id.Name == "TokenCheckUnavailable").StructuredState!.Single(p => p.Key == "Endpoint").Value);
        Assert.DoesNotContain(logs, r => r.Id.Id == 4115);   // "Job store unavailable"
    }

    [Fact]
    public async Task The_real_validator_rejects_a_token_whose_signature_was_removed()
    {
        var claims = await new GoogleInboundTokenValidator().ValidateAsync(PushBodies.CloudRunToken(PushAccount, Audience, DateTimeOffset.MaxValue.AddYears(-1)), Audience, Ct);

        Assert.Null(claims);
    }

    private static Task<OrchestratorServer> StartCloudRunIamAsync() => OrchestratorServer.StartAsync(o =>
    {
        o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
        o.Authentication.Audience = Audience;
        o.Authentication.AllowedPrincipals = [PushAccount];
    });

    private static StringContent Delivery() => PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1"));

    private static Task<HttpResponseMessage> SendAsync(OrchestratorServer server, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = Delivery() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return server.Client.SendAsync(request, Ct);
    }

    private sealed class UnreachableCertificates : IInboundTokenValidator
    {
        public Task<InboundTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken) =>
            throw new HttpRequestException("www.googleapis.com unreachable");
    }

    private sealed class FakeValidator : IInboundTokenValidator
    {
        public List<string> Audiences { get; } = [];

        public Task<InboundTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
        {
            Audiences.Add(audience);
            InboundTokenClaims? claims = token switch
            {
                "good" => new InboundTokenClaims(PushAccount, true, [audience]),
                "other" => new InboundTokenClaims("other@p.iam.gserviceaccount.com", true, [audience]),
                _ => null,
            };
            return Task.FromResult(claims);
        }
    }
}
