using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Security;

/// <summary>
/// Which header carries the caller's identity. Cloud Run checks only <c>X-Serverless-Authorization</c> when a request
/// carries it and forwards <c>Authorization</c> unchecked (cloud.google.com/run/docs/authenticating/service-to-service;
/// FACTS.md §5.4), so with <c>X-Serverless-Authorization</c> present nothing else may be read.
/// </summary>
public sealed class IdentityHeaderTests
{
    private const string PushAccount = "push@p.iam.gserviceaccount.com";
    private const string Intruder = "intruder@p.iam.gserviceaccount.com";
    private const string Audience = "https://orchestrator-abc-uc.a.run.app";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every combination of the two headers: absent, the allowed account, another account, not a bearer token, empty.</summary>
    public static TheoryData<Token, Token, bool> Combinations()
    {
        var data = new TheoryData<Token, Token, bool>();
        foreach (var serverless in Enum.GetValues<Token>())
        {
            foreach (var authorization in Enum.GetValues<Token>())
            {
                // The identity is X-Serverless-Authorization's whenever that header is there, else Authorization's.
                var decisive = serverless == Token.Absent ? authorization : serverless;
                data.Add(serverless, authorization, decisive == Token.Allowed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task The_push_intake_reads_X_Serverless_Authorization_alone_when_it_is_present(Token serverless, Token authorization, bool accepted)
    {
        await using var server = await OrchestratorServer.StartAsync(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
            o.Authentication.Audience = Audience;
            o.Authentication.AllowedPrincipals = [PushAccount];
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "k1"), "1")) };
        Add(request, "X-Serverless-Authorization", serverless, server.Time.GetUtcNow());
        Add(request, "Authorization", authorization, server.Time.GetUtcNow());

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
        var tally = await server.Services.GetRequiredService<ICompletionStore>().GetAsync("phase2", "k1", Ct);
        Assert.Equal(accepted, tally?.Completions.ContainsKey("a") == true);
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task The_tick_reads_X_Serverless_Authorization_alone_when_it_is_present(Token serverless, Token authorization, bool accepted)
    {
        await using var server = await SchedulerServer.StartAsync(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
            o.Authentication.Audience = Audience;
            o.Authentication.AllowedPrincipals = [PushAccount];
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cron/tick");
        Add(request, "X-Serverless-Authorization", serverless, server.Time.GetUtcNow());
        Add(request, "Authorization", authorization, server.Time.GetUtcNow());

        var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_Authorization_beside_another_invokers_verified_identity_records_nothing()
    {
        await using var server = await OrchestratorServer.StartAsync(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.CloudRunIam;
            o.Authentication.Audience = Audience;
            o.Authentication.AllowedPrincipals = [PushAccount];
        });
        var now = server.Time.GetUtcNow();
        foreach (var processor in new[] { "a", "b" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion(processor, "k1"), processor)) };
            request.Headers.TryAddWithoutValidation("X-Serverless-Authorization", "Bearer " + PushBodies.CloudRunToken(Intruder, Audience, now.AddMinutes(30)));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + PushBodies.CloudRunToken(PushAccount, Audience, now.AddMinutes(30)));

            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(request, Ct)).StatusCode);
        }

        Assert.Empty(server.Trigger.Calls);
    }

    private static void Add(HttpRequestMessage request, string header, Token token, DateTimeOffset now)
    {
        var value = token switch
        {
            Token.Allowed => "Bearer " + PushBodies.CloudRunToken(PushAccount, Audience, now.AddMinutes(30)),
            Token.Other => "Bearer " + PushBodies.CloudRunToken(Intruder, Audience, now.AddMinutes(30)),
            Token.NotBearer => "Basic dXNlcjpwYXNz",
            Token.Empty => string.Empty,
            _ => null,
        };
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }

    /// <summary>What one header holds.</summary>
    public enum Token
    {
        Absent,
        Allowed,
        Other,
        NotBearer,
        Empty,
    }
}
