using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.PubSub;
using Pax.TestSupport.PubSub;

namespace Pax.GoogleCloud.Tests.Internal;

public sealed class GoogleListLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_list_whose_every_page_names_a_new_next_page_is_cut_at_the_page_limit()
    {
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: Ct);
        pubSub.EndlessPages("my-project");
        await using var services = Services(pubSub, new GoogleListLimits(MaxPages: 7, MaxItems: 1_000));

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<PubSubSubscriptionsClient>().ListSubscriptionsAsync("my-project", Ct));

        Assert.Equal(GoogleListLimits.Reason, error.Reason);
        Assert.Contains("cut after 7 page(s) and 7 item(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, pubSub.Requests.Count);
    }

    [Fact]
    public async Task A_list_is_cut_at_the_item_limit_too()
    {
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: Ct);
        pubSub.EndlessPages("my-project");
        await using var services = Services(pubSub, new GoogleListLimits(MaxPages: 100, MaxItems: 3));

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<PubSubSubscriptionsClient>().ListSubscriptionsAsync("my-project", Ct));

        Assert.Contains("cut after 3 page(s) and 3 item(s)", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(FakePubSubServer pubSub, GoogleListLimits limits) =>
        new ServiceCollection().AddPaxGoogleCloud(o =>
        {
            GoogleApiEndpointOverrides.Apply(o, n => n == "CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB" ? pubSub.BaseAddress.AbsoluteUri : null);
            o.ListLimits = limits;
        }).BuildServiceProvider();
}
