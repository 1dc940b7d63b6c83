using Google.Apis.Auth.OAuth2;
using Pax.GoogleCloud.Auth;

namespace Pax.GoogleCloud.Tests.Auth;

public sealed class ApplicationDefaultAccessTokenProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loads_the_credential_once_for_concurrent_callers()
    {
        var loads = 0;
        var release = new TaskCompletionSource<GoogleCredential>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ApplicationDefaultAccessTokenProvider(_ =>
        {
            Interlocked.Increment(ref loads);
            return release.Task;
        });

        var calls = Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetAccessTokenAsync(Ct).AsTask(), Ct)).ToList();
        release.SetResult(GoogleCredential.FromAccessToken("ya29.token"));
        var tokens = await Task.WhenAll(calls);

        Assert.All(tokens, t => Assert.Equal("ya29.token", t));
        Assert.Equal("ya29.token", await provider.GetAccessTokenAsync(Ct));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_failed_load_is_tried_again_on_the_next_call()
    {
        var loads = 0;
        var provider = new ApplicationDefaultAccessTokenProvider(_ => ++loads == 1
            ? Task.FromException<GoogleCredential>(new InvalidOperationException("The Application Default Credentials are not available."))
            : Task.FromResult(GoogleCredential.FromAccessToken("second")));

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAccessTokenAsync(Ct).AsTask());
        Assert.Contains("Application Default Credentials", first.Message, StringComparison.Ordinal);
        Assert.Equal("second", await provider.GetAccessTokenAsync(Ct));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_cancelled_caller_does_not_cancel_the_load_for_others()
    {
        var release = new TaskCompletionSource<GoogleCredential>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ApplicationDefaultAccessTokenProvider(_ => release.Task);
        using var cancellation = new CancellationTokenSource();

        var cancelled = provider.GetAccessTokenAsync(cancellation.Token).AsTask();
        var waiting = provider.GetAccessTokenAsync(Ct).AsTask();
        await cancellation.CancelAsync();
        release.SetResult(GoogleCredential.FromAccessToken("token"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("token", await waiting);
    }
}
