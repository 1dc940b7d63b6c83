using Microsoft.CodeAnalysis;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Tests.Deployment;

public sealed class GrantedCallersTests
{
    [Fact]
    public void Service_account_grants_cover_exactly_their_accounts()
    {
        var grants = Enumerable.Range(0, 300).Select(i => new InvokerGrant($"serviceAccount:sa-{i}@p.iam.gserviceaccount.com")).ToList();
        var callers = new GrantedCallers(grants);

        Assert.True(callers.Covers("sa-0@p.iam.gserviceaccount.com"));
        Assert.True(callers.Covers(" SA-299@P.iam.gserviceaccount.com "));
        Assert.False(callers.Covers("sa-300@p.iam.gserviceaccount.com"));
        Assert.False(callers.Covers(null));
    }

    [Theory]
    [InlineData("allAuthenticatedUsers")]
    [InlineData("group:deployers@example.com")]
    [InlineData("domain:example.com")]
    [InlineData("serviceAccount:\uFFFF@p.iam.gserviceaccount.com")]
    public void A_grant_whose_members_cannot_be_seen_covers_every_account_but_not_anonymous_callers(string member)
    {
        var callers = new GrantedCallers([new InvokerGrant("serviceAccount:other@p.iam.gserviceaccount.com"), new InvokerGrant(member)]);

        Assert.True(callers.Covers("push@p.iam.gserviceaccount.com"));
        Assert.False(callers.Covers(null));
    }

    [Fact]
    public void User_grants_cover_no_service_account() =>
        Assert.False(new GrantedCallers([new InvokerGrant("user:push@p.iam.gserviceaccount.com")]).Covers("push@p.iam.gserviceaccount.com"));

    [Fact]
    public void Public_grant_covers_everyone() =>
        Assert.True(new GrantedCallers([new InvokerGrant("user:a@example.com"), InvokerGrant.Public]).Covers(null));

    [Fact]
    public void Unknown_account_is_covered_only_when_there_is_a_grant()
    {
        Assert.False(new GrantedCallers([]).Covers(UnknownText.Value));
        Assert.True(new GrantedCallers([new InvokerGrant("user:a@example.com")]).Covers(UnknownText.Value));
    }

    [Fact]
    public void Deployment_unit_reports_the_ungranted_invocations_in_order()
    {
        var unit = new DeploymentUnit();
        for (var i = 0; i < 200; i++)
        {
            unit.Add(new Invocation(Location.None, "Cloud Scheduler job", "https://t.a.run.app", $"sa-{i}@p.iam.gserviceaccount.com"));
            if (i % 50 != 7)
            {
                unit.Add(new InvokerGrant($"serviceAccount:sa-{i}@p.iam.gserviceaccount.com"));
            }
        }

        unit.Add(new Invocation(Location.None, "Pub/Sub push subscription", "https://t.a.run.app", null));

        Assert.Equal(
            ["sa-7@p.iam.gserviceaccount.com", "sa-57@p.iam.gserviceaccount.com", "sa-107@p.iam.gserviceaccount.com", "sa-157@p.iam.gserviceaccount.com", null],
            unit.UngrantedInvocations().Select(ungranted => ungranted.Invocation.Account));
    }
}
