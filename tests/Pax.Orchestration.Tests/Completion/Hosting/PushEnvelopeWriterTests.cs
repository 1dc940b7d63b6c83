using System.Text;
using System.Text.Json;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion.Hosting.Internal;

namespace Pax.Orchestration.Tests.Completion.Hosting;

/// <summary>The wrapped push body the in-process transport delivers, against Pub/Sub's (FACTS.md §5.1, cloud.google.com/pubsub/docs/push).</summary>
public sealed class PushEnvelopeWriterTests
{
    private static readonly DateTimeOffset PublishTime = new(2026, 2, 10, 5, 59, 58, 123, 456, TimeSpan.Zero);

    [Fact]
    public void The_body_has_the_push_shape_both_id_and_time_spellings_base64_data_and_the_subscription()
    {
        var message = new PubSubOutgoingMessage { Data = Encoding.UTF8.GetBytes("{\"processor\":\"a\"}"), Attributes = new() { ["runKey"] = "k1" }, OrderingKey = "o1" };

        using var body = JsonDocument.Parse(PushEnvelopeWriter.Write(message, "42", PublishTime, "projects/p/subscriptions/s"));

        var root = body.RootElement;
        var wrapped = root.GetProperty("message");
        Assert.Equal("projects/p/subscriptions/s", root.GetProperty("subscription").GetString());
        Assert.Equal("{\"processor\":\"a\"}", Encoding.UTF8.GetString(wrapped.GetProperty("data").GetBytesFromBase64()));
        Assert.Equal("k1", wrapped.GetProperty("attributes").GetProperty("runKey").GetString());
        Assert.Equal(("42", "42"), (wrapped.GetProperty("messageId").GetString(), wrapped.GetProperty("message_id").GetString()));
        Assert.Equal(("2026-02-10T05:59:58.123456Z", "2026-02-10T05:59:58.123456Z"), (wrapped.GetProperty("publishTime").GetString(), wrapped.GetProperty("publish_time").GetString()));
        Assert.Equal("o1", wrapped.GetProperty("orderingKey").GetString());
        Assert.False(root.TryGetProperty("deliveryAttempt", out _));   // only with a dead-letter policy
    }

    [Fact]
    public void Attributes_and_ordering_key_are_left_out_when_there_are_none_and_the_push_reader_reads_it_back()
    {
        var message = new PubSubOutgoingMessage { Data = [1, 2, 3] };

        var bytes = PushEnvelopeWriter.Write(message, "7", PublishTime, "projects/p/subscriptions/s");
        using var body = JsonDocument.Parse(bytes);
        var read = PushDeliveryReader.ReadWrapped(bytes);

        var wrapped = body.RootElement.GetProperty("message");
        Assert.False(wrapped.TryGetProperty("attributes", out _));
        Assert.False(wrapped.TryGetProperty("orderingKey", out _));
        Assert.NotNull(read.Message);
        Assert.Equal(("7", PublishTime), (read.Message.MessageId, read.Message.PublishTime));
        Assert.Equal([1, 2, 3], read.Message.Data);
        Assert.Empty(read.Message.Attributes);
    }
}
