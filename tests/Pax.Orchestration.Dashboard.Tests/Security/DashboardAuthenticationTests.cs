using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.Orchestration.Hosting;
using Pax.TestSupport.CloudRun;

namespace Pax.Orchestration.Dashboard.Tests.Security;

/// <summary>Who may see the dashboard, per <c>Pax:Dashboard:Authentication:Mode</c>.</summary>
public sealed class DashboardAuthenticationTests
{
    public static TheoryData<string> Paths => ["/pax", "/pax/jobs", "/pax/rejected", "/pax/phases/collect/2026-02-10", "/pax/api/phases", "/pax/api/jobs", "/pax/api/rejected", "/pax/api/phases/collect/2026-02-10"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task CloudRunIam_refuses_a_request_without_a_token_on_every_page_and_api(string path)
    {
        await using var server = await DashboardServer.StartAsync(CloudRunIam);

        var (response, _) = await Html.GetAsync(server.Client, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task CloudRunIam_lets_in_an_allowed_user_whose_token_Cloud_Run_checked_whatever_its_audience()
    {
        await using var server = await DashboardServer.StartAsync(CloudRunIam);
        await server.ReportAsync("collect", "cam-a", "2026-02-10");

        var (user, page) = await Html.GetAsync(server.Client, "/pax", Html.CloudRunToken("Alice@Example.com"));
        var (account, _) = await Html.GetAsync(server.Client, "/pax/api/jobs", Html.CloudRunToken("ops@p.iam.gserviceaccount.com"));

        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.NotNull(page.QuerySelector("table"));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task CloudRunIam_refuses_someone_not_allowed_an_unverified_email_and_an_expired_token()
    {
        await using var server = await DashboardServer.StartAsync(CloudRunIam);

        var (stranger, _) = await Html.GetAsync(server.Client, "/pax", Html.CloudRunToken("mallory@example.com"));
        var (unverified, _) = await Html.GetAsync(server.Client, "/pax", Html.CloudRunToken("alice@example.com", verified: false));
        var (expired, _) = await Html.GetAsync(server.Client, "/pax", Html.CloudRunToken("alice@example.com", exp: 1_000_000));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { stranger.StatusCode, unverified.StatusCode, expired.StatusCode });
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4301 && r.Message.Contains("mallory@example.com", StringComparison.Ordinal));
    }

    /// <summary>An allowed user's claims under a signature Cloud Run would have replaced: the request never passed its IAM check.</summary>
    [Fact]
    public async Task CloudRunIam_refuses_an_allowed_users_token_that_Cloud_Run_did_not_check_and_says_so_once()
    {
        await using var server = await DashboardServer.StartAsync(CloudRunIam);
        var token = Html.CloudRunToken("alice@example.com");

        var statuses = new List<HttpStatusCode>();
        foreach (var alg in UncheckedTokens.Algorithms)
        {
            statuses.Add((await Html.GetAsync(server.Client, "/pax", UncheckedTokens.Resign(token, alg))).Response.StatusCode);
            statuses.Add((await Html.GetAsync(server.Client, "/pax/api/phases", UncheckedTokens.Resign(token, alg))).Response.StatusCode);
        }

        var (checkedByCloudRun, _) = await Html.GetAsync(server.Client, "/pax", token);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.OK, checkedByCloudRun.StatusCode);
        var alarm = Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Name == "UncheckedToken");
        Assert.Equal("/pax", alarm.StructuredState!.Single(p => p.Key == "Path").Value);
    }

    [Fact]
    public async Task VerifySignature_answers_503_saying_the_sign_in_check_and_not_the_store_is_unavailable()
    {
        await using var server = await DashboardServer.StartAsync(
            o =>
            {
                o.Authentication.Mode = InboundAuthenticationMode.VerifySignature;
                o.Authentication.Audience = "https://orchestrator.example.run.app";
                o.Authentication.AllowedPrincipals = ["user:alice@example.com"];
            },
            s => s.AddSingleton<IInboundTokenValidator>(new UnreachableCertificates()));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pax") { Headers = { Authorization = new("Bearer", "any") } };

        var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("503: the sign-in check is unavailable", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Name == "TokenCheckUnavailable" && r.Exception?.InnerException is HttpRequestException);
        Assert.DoesNotContain(server.Logs.GetSnapshot(), r => r.Id.Name == "DashboardStoreUnavailable");
    }

    [Fact]
    public async Task VerifySignature_asks_the_validator_for_the_configured_audience_and_checks_the_email()
    {
        var validator = new StubValidator();
        await using var server = await DashboardServer.StartAsync(
            o =>
            {
                o.Authentication.Mode = InboundAuthenticationMode.VerifySignature;
                o.Authentication.Audience = "https://orchestrator.example.run.app";
                o.Authentication.AllowedPrincipals = ["user:alice@example.com"];
            },
            s => s.AddSingleton<IInboundTokenValidator>(validator));

        var (good, _) = await Html.GetAsync(server.Client, "/pax", "good");
        var (bad, _) = await Html.GetAsync(server.Client, "/pax", "forged");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(["https://orchestrator.example.run.app", "https://orchestrator.example.run.app"], validator.Audiences);
    }

    [Fact]
    public async Task None_lets_anyone_in_for_local_runs()
    {
        await using var server = await DashboardServer.StartAsync();

        var (response, _) = await Html.GetAsync(server.Client, "/pax");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void CloudRunIam(DashboardOptions o)
    {
        o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
        o.Authentication.AllowedPrincipals = ["user:alice@example.com", "serviceAccount:ops@p.iam.gserviceaccount.com"];
    }

    private sealed class UnreachableCertificates : IInboundTokenValidator
    {
        public Task<InboundTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken) =>
            throw new HttpRequestException("www.googleapis.com unreachable");
    }

    private sealed class StubValidator : IInboundTokenValidator
    {
        public List<string> Audiences { get; } = [];

        public Task<InboundTokenClaims?> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
        {
            lock (Audiences)
            {
                Audiences.Add(audience);
            }

            return Task.FromResult(token == "good" ? new InboundTokenClaims("alice@example.com", true, [audience]) : null);
        }
    }
}
