using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Hosting;

/// <summary>
/// A host maps both wings under prefixes and adds its own policy on top (<c>RequireAuthorization</c> on the builders
/// <c>MapPaxOrchestration</c> and <c>MapPaxScheduling</c> return): a request without the host's policy is refused before
/// Pax sees it; with it, Pax's own token check still applies; the probes stay outside the host's policy.
/// </summary>
public sealed class HostConventionTests
{
    private const string Account = "ops@p.iam.gserviceaccount.com";
    private const string Audience = "https://orchestrator-abc-uc.a.run.app";
    private const string Policy = "host-operators";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/orchestration/watchdog")]
    [InlineData("/scheduler/cron/tick")]
    public async Task Without_the_hosts_policy_the_request_is_refused_even_with_a_valid_Pax_token(string path)
    {
        await using var host = await StartAsync();

        var noRole = await SendAsync(host, path, role: null, paxToken: true);
        var wrongRole = await SendAsync(host, path, role: "guest", paxToken: true);

        Assert.Equal(HttpStatusCode.Unauthorized, noRole.StatusCode);
        Assert.Equal(HostRoleAuthentication.Challenge, noRole.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
    }

    [Theory]
    [InlineData("/orchestration/watchdog")]
    [InlineData("/scheduler/cron/tick")]
    public async Task With_the_hosts_policy_Pax_still_checks_its_token(string path)
    {
        await using var host = await StartAsync();

        var withoutPaxToken = await SendAsync(host, path, role: HostRoleAuthentication.OperatorRole, paxToken: false);
        var withBoth = await SendAsync(host, path, role: HostRoleAuthentication.OperatorRole, paxToken: true);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutPaxToken.StatusCode);
        Assert.DoesNotContain(HostRoleAuthentication.Challenge, withoutPaxToken.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withBoth.StatusCode);
    }

    [Fact]
    public async Task The_probes_are_outside_the_hosts_policy_and_nothing_is_left_at_the_root()
    {
        await using var host = await StartAsync();

        var healthz = await host.Client.GetAsync("/orchestration/healthz", Ct);
        var rootWatchdog = await SendAsync(host, "/watchdog", role: HostRoleAuthentication.OperatorRole, paxToken: true);
        var rootTick = await SendAsync(host, "/cron/tick", role: HostRoleAuthentication.OperatorRole, paxToken: true);

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rootWatchdog.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rootTick.StatusCode);
    }

    [Theory]
    [InlineData("orchestration")]
    [InlineData("/orchestration/")]
    [InlineData("/runs/{id}")]
    [InlineData("/a?b")]
    public async Task A_prefix_that_is_not_a_literal_path_is_refused_naming_the_form(string prefix)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(prefix));

        Assert.Equal("prefix", ex.ParamName);
        Assert.Contains("such as '/orchestration'", ex.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(LoopbackHost host, string path, string? role, bool paxToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (role is not null)
        {
            request.Headers.Add(HostRoleAuthentication.Header, role);
        }

        if (paxToken)
        {
            request.Headers.Add("Authorization", "Bearer " + PushBodies.CloudRunToken(Account, Audience, host.Time.GetUtcNow().AddMinutes(30)));
        }

        return host.Client.SendAsync(request, Ct);
    }

    private static Task<LoopbackHost> StartAsync(string orchestrationPrefix = "/orchestration") => LoopbackHost.StartAsync(
        new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero),
        (s, directory) =>
        {
            s.AddSingleton(CloudRunStandIn.For(InboundAuthenticationMode.CloudRunIam));
            s.AddAuthentication(HostRoleAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HostRoleAuthentication>(HostRoleAuthentication.SchemeName, null);
            s.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(HostRoleAuthentication.OperatorRole));
            s.AddPaxOrchestration(o =>
            {
                o.Store = OrchestrationStoreKind.Sqlite;
                o.Sqlite.Path = Path.Combine(directory, "tallies.db");
                o.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = ["a"], CustomTrigger = new RecordingTrigger() });
                o.Authentication.AllowedPrincipals = [Account];
            });
            s.AddPaxScheduling(o =>
            {
                o.Store = OrchestrationStoreKind.Sqlite;
                o.Sqlite.Path = Path.Combine(directory, "jobs.db");
                o.Authentication.AllowedPrincipals = [$"serviceAccount:{Account}"];
            });
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapPaxOrchestration(orchestrationPrefix).RequireAuthorization(Policy);
            app.MapPaxScheduling("/scheduler").RequireAuthorization(Policy);
        });

    /// <summary>The host's own scheme: the role named by a header (a stand-in for whatever a host uses: API keys, mTLS, a gateway's header).</summary>
    private sealed class HostRoleAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "HostRole";
        public const string Header = "X-Host-Role";
        public const string Challenge = "HostRole";
        public const string OperatorRole = "operator";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[Header] is not [{ Length: > 0 } role])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "host-user"), new Claim(ClaimTypes.Role, role)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = Challenge;
            return Task.CompletedTask;
        }
    }
}
