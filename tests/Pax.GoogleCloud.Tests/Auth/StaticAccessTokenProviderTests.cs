using Pax.GoogleCloud.Auth;

namespace Pax.GoogleCloud.Tests.Auth;

public sealed class StaticAccessTokenProviderTests
{
    [Fact]
    public async Task Returns_its_token()
    {
        Assert.Equal("abc", await new StaticAccessTokenProvider("abc").GetAccessTokenAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Rejects_an_empty_token(string token)
    {
        Assert.Throws<ArgumentException>(() => new StaticAccessTokenProvider(token));
    }
}
