using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Function;

/// <summary>The Function README's local run: `dotnet run` (launchSettings.json's profile) with the Pub/Sub emulator.</summary>
public sealed class FunctionLocalRunTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_local_profile_with_the_PubSub_emulator_accepts_unauthenticated_pushes_and_publishes_the_next_phase_to_the_emulator()
    {
        var pubSub = await emulators.PubSubAsync();
        // The README's step 2: the next phase's topic that appsettings.json names (projects/my-project/topics/phase3).
        using var admin = new PubSubEmulatorAdmin(pubSub, "my-project");
        var next = await admin.CreateTopicAsync("phase3", Ct);
        var pull = await admin.CreateSubscriptionAsync("local-run-" + Guid.NewGuid().ToString("N")[..8], next, null, Ct);
        var environment = new Dictionary<string, string>(LocalProfileEnvironment())
        {
            ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
            ["Pax__Orchestration__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"pax-local-{Guid.NewGuid():N}.db"),
            ["Pax__Scheduling__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"pax-local-{Guid.NewGuid():N}.db"),
        };
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        await using var function = await FunctionProcess.StartAsync(environment, Ct);
        var runKey = "local-" + Guid.NewGuid().ToString("N")[..8];

        foreach (var processor in new[] { "a", "b", "c" })
        {
            var answer = await function.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion(processor, runKey), "m-" + processor)), Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var tally = await function.Client.GetFromJsonAsync<JsonObject>($"/tallies/phase2/{runKey}", Ct);
        Assert.Equal("Triggered", tally!["state"]!.GetValue<string>());
        var message = Assert.Single(await PullUntilAnyAsync(admin, pull));
        Assert.Equal(runKey, message.Attributes["runKey"]);
    }

    private static IReadOnlyDictionary<string, string> LocalProfileEnvironment()
    {
        var settings = Path.Combine(FunctionProcess.RepositoryRoot(), "samples", "Pax.Orchestrator.Function", "Properties", "launchSettings.json");
        var profile = JsonNode.Parse(File.ReadAllText(settings))!["profiles"]!["local"]!;
        Assert.Equal("Project", profile["commandName"]!.GetValue<string>());
        return profile["environmentVariables"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    private static async Task<IReadOnlyList<PulledMessage>> PullUntilAnyAsync(PubSubEmulatorAdmin admin, string subscription)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var messages = await admin.PullAsync(subscription, 10, deadline.Token);
            if (messages.Count > 0)
            {
                return messages;
            }

            await poll.WaitForNextTickAsync(deadline.Token);
        }
    }
}
