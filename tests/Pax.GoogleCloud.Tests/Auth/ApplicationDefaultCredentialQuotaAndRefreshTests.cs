using System.Net;
using System.Security.Cryptography;
using Google.Apis.Auth.OAuth2;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;

namespace Pax.GoogleCloud.Tests.Auth;

/// <summary>
/// <see cref="ApplicationDefaultAccessTokenProvider"/> with Google.Apis.Auth's own credentials: a gcloud user ADC file
/// keeps its <c>quota_project_id</c>, and a refused token is replaced by a new one from the token endpoint.
/// </summary>
public sealed class ApplicationDefaultCredentialQuotaAndRefreshTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task User_credentials_from_gcloud_ADC_keep_their_quota_project()
    {
        // The shape `gcloud auth application-default login` + `set-quota-project` writes.
        const string adc = """
            {"type":"authorized_user","client_id":"123.apps.googleusercontent.com","client_secret":"secret",
             "refresh_token":"1//refresh","quota_project_id":"billing-project","universe_domain":"googleapis.com"}
            """;
#pragma warning disable CS0618 // FromJson is obsolete for untrusted input; this is the test's own JSON, loaded as ADC loads the file.
        var credential = GoogleCredential.FromJson(adc);
#pragma warning restore CS0618
        var provider = new ApplicationDefaultAccessTokenProvider(_ => Task.FromResult(credential));

        Assert.Equal("billing-project", await provider.GetQuotaProjectAsync(Ct));
    }

    [Fact]
    public async Task A_credential_without_a_quota_project_reports_none()
    {
        var provider = new ApplicationDefaultAccessTokenProvider(_ => Task.FromResult(GoogleCredential.FromAccessToken("t")));

        Assert.Null(await provider.GetQuotaProjectAsync(Ct));
    }

    [Fact]
    public async Task A_refused_token_is_replaced_by_a_new_one_from_the_token_endpoint()
    {
        await using var tokenServer = await TokenServer.StartAsync();
        using var key = RSA.Create(2048);
        var serviceAccount = new ServiceAccountCredential(
            new ServiceAccountCredential.Initializer("pax@p.iam.gserviceaccount.com", tokenServer.TokenUrl) { Scopes = [ApplicationDefaultAccessTokenProvider.CloudPlatformScope] }
                .FromPrivateKey(key.ExportPkcs8PrivateKeyPem()));
        var provider = new ApplicationDefaultAccessTokenProvider(_ => Task.FromResult(serviceAccount.ToGoogleCredential()));

        var first = await provider.GetAccessTokenAsync(Ct);
        var cached = await provider.GetAccessTokenAsync(Ct);
        var refreshed = await provider.RefreshAccessTokenAsync(first, Ct);

        Assert.Equal(("token-1", "token-1", "token-2"), (first, cached, refreshed));
        Assert.Equal(2, tokenServer.Issued);
    }

    /// <summary>An OAuth 2.0 token endpoint on loopback: every JWT-bearer grant gets the next token (token-1, token-2, …).</summary>
    private sealed class TokenServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _issued;

        private TokenServer(WebApplication app)
        {
            _app = app;
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            TokenUrl = address.TrimEnd('/') + "/token";
        }

        public string TokenUrl { get; }

        public int Issued => Volatile.Read(ref _issued);

        public static async Task<TokenServer> StartAsync()
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            TokenServer? server = null;
            app.Run(async context =>
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || string.IsNullOrEmpty(form["assertion"]))
                {
                    context.Response.StatusCode = 400;
                    await context.Response.WriteAsync("{\"error\":\"invalid_grant\"}", context.RequestAborted);
                    return;
                }

                var n = Interlocked.Increment(ref server!._issued);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($"{{\"access_token\":\"token-{n}\",\"expires_in\":3600,\"token_type\":\"Bearer\"}}", context.RequestAborted);
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            server = new TokenServer(app);
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
