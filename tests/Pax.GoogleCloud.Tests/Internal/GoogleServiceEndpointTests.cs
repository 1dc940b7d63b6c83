using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Tests.Internal;

public sealed class GoogleServiceEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:9023", "http://127.0.0.1:9023/")]
    [InlineData("localhost:4443", "http://localhost:4443/")]
    [InlineData("http://127.0.0.1:9023", "http://127.0.0.1:9023/")]
    [InlineData("https://gcs.local:4443/", "https://gcs.local:4443/")]
    [InlineData(" 127.0.0.1:9023 ", "http://127.0.0.1:9023/")]
    public void Emulator_host_is_used_anonymously_in_both_forms(string host, string expected)
    {
        var endpoint = GoogleServiceEndpoint.ForPubSub(new GoogleCloudOptions { PubSubEmulatorHost = host });

        Assert.Equal(new Uri(expected), endpoint.BaseAddress);
        Assert.True(endpoint.IsEmulator);
    }

    [Fact]
    public void An_explicit_endpoint_wins_over_the_emulator_and_is_authenticated()
    {
        var endpoint = GoogleServiceEndpoint.ForPubSub(new GoogleCloudOptions
        {
            PubSubEndpoint = new Uri("https://pubsub.us-east1.rep.googleapis.com"),
            PubSubEmulatorHost = "127.0.0.1:9023",
        });

        Assert.Equal(new Uri("https://pubsub.us-east1.rep.googleapis.com/"), endpoint.BaseAddress);
        Assert.False(endpoint.IsEmulator);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:9023")]
    [InlineData("http://127.0.0.1:9023/storage")]
    [InlineData("http://127.0.0.1:9023/?x=1")]
    [InlineData("not a host")]
    public void Rejects_emulator_hosts_that_are_not_an_http_root(string host)
    {
        Assert.False(GoogleServiceEndpoint.TryParseEmulatorHost(host, out _));
    }

    [Fact]
    public void Resolves_paths_under_an_endpoint_with_a_path()
    {
        var endpoint = new GoogleServiceEndpoint(new Uri("http://proxy.local/gcs/"), IsEmulator: false);

        Assert.Equal("http://proxy.local/gcs/storage/v1/b/b/o/a%2Fb", endpoint.Resolve("storage/v1/b/b/o/a%2Fb").AbsoluteUri);
    }
}
