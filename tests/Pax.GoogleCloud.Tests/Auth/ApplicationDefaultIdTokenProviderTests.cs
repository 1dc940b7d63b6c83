using Google.Apis.Auth.OAuth2;
using Pax.GoogleCloud.Auth;

namespace Pax.GoogleCloud.Tests.Auth;

public sealed class ApplicationDefaultIdTokenProviderTests
{
    [Fact]
    public async Task A_failed_credential_load_is_not_cached()
    {
        var loads = 0;
        var provider = new ApplicationDefaultIdTokenProvider(_ =>
        {
            loads++;
            return Task.FromException<GoogleCredential>(new InvalidOperationException("no ADC here"));
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetIdTokenAsync("https://svc.a.run.app", TestContext.Current.CancellationToken).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetIdTokenAsync("https://svc.a.run.app", TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(2, loads);
    }
}
