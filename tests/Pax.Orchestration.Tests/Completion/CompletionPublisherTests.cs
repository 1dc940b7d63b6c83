using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting.Internal;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Completion;

public sealed class CompletionPublisherTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_completion_reads_back_as_the_same_report_from_data_and_from_attributes()
    {
        var emulator = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(emulator, EmulatorsFixture.PubSubProject);
        var topic = await admin.CreateTopicAsync("done-" + Guid.NewGuid().ToString("N")[..8], Ct);
        var pull = await admin.CreateSubscriptionAsync("done-pull-" + Guid.NewGuid().ToString("N")[..8], topic, null, Ct);
        await using var services = new ServiceCollection().AddPaxGoogleCloud(o => o.PubSubEmulatorHost = emulator.HostPort).BuildServiceProvider();
        var publisher = new CompletionPublisher(services.GetRequiredService<PubSubPublisherClient>());
        var sent = new CompletionMessage("collect", "collector/3", "2026-02-10T06:00Z", CompletionStatus.Failed, Details: "2 of 40 cameras stored");
        PhaseDefinition[] phases = [new() { Name = "collect", ExpectedCount = 4 }];

        var id = await publisher.PublishAsync(topic, sent, Ct);
        var pulled = Assert.Single(await admin.PullAsync(pull, 10, Ct));
        var fromData = CompletionMessageParser.Parse(new IncomingPubSubMessage(id, System.Text.Encoding.UTF8.GetBytes(pulled.Data), new Dictionary<string, string>(), null), phases);
        var fromAttributes = CompletionMessageParser.Parse(new IncomingPubSubMessage(id, [], pulled.Attributes, null), phases);

        Assert.Equal(sent with { MessageId = id }, fromData.Message);
        Assert.Equal(sent with { MessageId = id, Details = null }, fromAttributes.Message);
    }

    [Fact]
    public async Task An_invalid_run_key_is_refused_before_publishing()
    {
        await using var services = new ServiceCollection().AddPaxGoogleCloud(o => o.PubSubEmulatorHost = "127.0.0.1:1").BuildServiceProvider();
        var publisher = new CompletionPublisher(services.GetRequiredService<PubSubPublisherClient>());

        await Assert.ThrowsAsync<ArgumentException>(() =>
            publisher.PublishAsync("projects/p/topics/done", new CompletionMessage(null, "collector/0", "a/b", CompletionStatus.Succeeded), Ct));
    }
}
