using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.PubSub;

public sealed class PubSubPublisherClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_sends_base64_data_and_attributes_and_returns_the_ids()
    {
        var handler = new StubHttpHandler().Answer(HttpStatusCode.OK, "{\"messageIds\":[\"17\"]}");
        await using var services = StubbedClients.Create(handler);
        var client = services.GetRequiredService<PubSubPublisherClient>();

        var ids = await client.PublishAsync("projects/p/topics/next", [new PubSubOutgoingMessage { Data = Encoding.UTF8.GetBytes("hi"), Attributes = new() { ["runKey"] = "k" } }], Ct);

        Assert.Equal(["17"], ids);
        var (request, body, authorization) = Assert.Single(handler.Requests);
        Assert.Equal("https://pubsub.googleapis.com/v1/projects/p/topics/next:publish", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer access-token", authorization);
        var message = JsonNode.Parse(body)!["messages"]![0]!;
        Assert.Equal("aGk=", message["data"]!.GetValue<string>());
        Assert.Equal("k", message["attributes"]!["runKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task PUBSUB_EMULATOR_HOST_sends_requests_there_without_a_token()
    {
        var handler = new StubHttpHandler().Answer(HttpStatusCode.OK, "{\"messageIds\":[\"1\"]}");
        await using var services = StubbedClients.Create(handler, v => v == "PUBSUB_EMULATOR_HOST" ? "localhost:8085" : null);
        var client = services.GetRequiredService<PubSubPublisherClient>();

        await client.PublishAsync("projects/p/topics/next", [new PubSubOutgoingMessage { Attributes = new() { ["a"] = "b" } }], Ct);

        var (request, _, authorization) = Assert.Single(handler.Requests);
        Assert.Equal("http://localhost:8085/v1/projects/p/topics/next:publish", request.RequestUri!.AbsoluteUri);
        Assert.Null(authorization);
        Assert.True(client.UsesEmulator);
    }

    [Theory]
    [InlineData("next")]
    [InlineData("projects/p/topics/ab")]
    [InlineData("projects/p/subscriptions/next")]
    public async Task Invalid_topic_names_and_empty_messages_are_refused_before_sending(string topic)
    {
        var handler = new StubHttpHandler();
        await using var services = StubbedClients.Create(handler);
        var client = services.GetRequiredService<PubSubPublisherClient>();

        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(topic, [new PubSubOutgoingMessage { Data = [1] }], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync("projects/p/topics/next", [new PubSubOutgoingMessage()], Ct));

        Assert.Empty(handler.Requests);
    }
}
