using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Tests.Deployment;

public sealed class InvokerGrantTests
{
    private const string Account = "push@p.iam.gserviceaccount.com";

    [Theory]
    [InlineData("serviceAccount:push@p.iam.gserviceaccount.com", true)]
    [InlineData("serviceAccount:PUSH@p.iam.gserviceaccount.com", true)]
    [InlineData("serviceAccount:other@p.iam.gserviceaccount.com", false)]
    [InlineData("user:push@p.iam.gserviceaccount.com", false)]
    [InlineData("allUsers", true)]
    [InlineData("allAuthenticatedUsers", true)]
    [InlineData("group:deployers@example.com", true)]
    [InlineData("serviceAccount:\uFFFF@p.iam.gserviceaccount.com", true)]
    public void Covers_a_service_account(string member, bool expected) => Assert.Equal(expected, new InvokerGrant(member).Covers(Account));

    [Fact]
    public void Only_allUsers_covers_an_unauthenticated_caller()
    {
        Assert.True(InvokerGrant.Public.Covers(null));
        Assert.False(new InvokerGrant("allAuthenticatedUsers").Covers(null));
        Assert.False(new InvokerGrant(UnknownText.Value).Covers(null));
    }

    [Fact]
    public void Unknown_account_is_covered_by_any_grant() => Assert.True(new InvokerGrant("serviceAccount:x@p.iam.gserviceaccount.com").Covers(UnknownText.Value));
}
