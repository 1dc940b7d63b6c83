using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Tests.Function;

/// <summary>The Function sample's tick scheduler end to end: jobs in the Firestore emulator, run by <c>POST /cron/tick</c> with the built-in handlers.</summary>
public sealed class SchedulerFunctionTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Http_and_pubsub_jobs_created_through_the_api_run_on_a_tick_and_read_back_completed()
    {
        var firestore = await emulators.FirestoreAsync();
        var pubSub = await emulators.PubSubAsync();
        using var admin = new PubSubEmulatorAdmin(pubSub, EmulatorsFixture.PubSubProject);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var topic = await admin.CreateTopicAsync("scheduled-" + suffix, Ct);
        var pull = await admin.CreateSubscriptionAsync("scheduled-pull-" + suffix, topic, null, Ct);
        await using var hook = await RecordingServer.StartAsync();
        await using var function = await FunctionProcess.StartAsync(Environment(firestore, pubSub), Ct);

        var httpJob = new JsonObject { ["id"] = "call-hook", ["type"] = "http", ["payload"] = new JsonObject { ["url"] = hook.BaseAddress + "run", ["body"] = new JsonObject { ["x"] = 1 } } };
        var pubSubJob = new JsonObject { ["id"] = "fan-out", ["type"] = "pubsub", ["payload"] = new JsonObject { ["topic"] = topic, ["data"] = "hello" } };
        var http = await function.Client.PostAsync("/jobs", PushBodies.Json(httpJob.ToJsonString()), Ct);
        var publish = await function.Client.PostAsync("/jobs", PushBodies.Json(pubSubJob.ToJsonString()), Ct);
        using var tickRequest = new HttpRequestMessage(HttpMethod.Post, "/cron/tick");
        tickRequest.Headers.Add("X-CloudScheduler-ScheduleTime", "2026-11-23T10:00:00Z");
        var tick = await function.Client.SendAsync(tickRequest, Ct);
        var metrics = await tick.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK), (http.StatusCode, publish.StatusCode, tick.StatusCode));
        Assert.Equal(2, metrics!["jobs_succeeded"]!.GetValue<int>());
        Assert.Equal("""{"x":1}""", Assert.Single(hook.Requests).Body);
        Assert.Equal("hello", Assert.Single(await admin.PullAsync(pull, 10, Ct)).Data);
        foreach (var id in new[] { "call-hook", "fan-out" })
        {
            var job = await function.Client.GetFromJsonAsync<JsonObject>($"/jobs/{id}", Ct);
            Assert.Equal(("completed", 1), (job!["status"]!.GetValue<string>(), job["attempts"]!.GetValue<int>()));
        }
    }

    private static Dictionary<string, string> Environment(GcloudEmulator firestore, GcloudEmulator pubSub) => new()
    {
        ["FIRESTORE_EMULATOR_HOST"] = firestore.HostPort,
        ["PUBSUB_EMULATOR_HOST"] = pubSub.HostPort,
        ["GOOGLE_CLOUD_PROJECT"] = "fn" + Guid.NewGuid().ToString("N")[..12],
        // The phase as deploy/deploy.sh sets it: appsettings.json names none (the phases come from one place).
        ["Pax__Orchestration__Phases__0__Name"] = "phase2",
        ["Pax__Orchestration__Phases__0__Processors__0"] = "a",
        ["Pax__Orchestration__Phases__0__Processors__1"] = "b",
        ["Pax__Orchestration__Phases__0__Processors__2"] = "c",
        ["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/pax-tests/topics/unused-next",
        ["Pax__Orchestration__Authentication__Mode"] = "None",
        ["Pax__Scheduling__Authentication__Mode"] = "None",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    [Fact]
    public async Task Two_processes_ticking_one_SQLite_file_run_every_job_once()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-two-" + Guid.NewGuid().ToString("N"));
        await using var hook = await RecordingServer.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["Pax__Orchestration__Sqlite__Path"] = Path.Combine(directory, "tallies.db"),
            // The phase as deploy/deploy.sh sets it: appsettings.json names none (the phases come from one place).
            ["Pax__Orchestration__Phases__0__Name"] = "phase2",
            ["Pax__Orchestration__Phases__0__Processors__0"] = "a",
            ["Pax__Orchestration__Phases__0__Processors__1"] = "b",
            ["Pax__Orchestration__Phases__0__Processors__2"] = "c",
            ["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/pax-tests/topics/unused-next",
            ["Pax__Orchestration__Authentication__Mode"] = "None",
            ["Pax__Scheduling__Store"] = "Sqlite",
            ["Pax__Scheduling__Sqlite__Path"] = Path.Combine(directory, "jobs.db"),
            ["Pax__Scheduling__Authentication__Mode"] = "None",
            ["Pax__Scheduling__MaxConcurrency"] = "8",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        try
        {
            await using var first = await FunctionProcess.StartAsync(environment, Ct);
            await using var second = await FunctionProcess.StartAsync(environment, Ct);
            var ids = Enumerable.Range(0, 40).Select(i => $"job-{i:00}").ToList();
            foreach (var id in ids)
            {
                var job = new JsonObject { ["id"] = id, ["type"] = "http", ["payload"] = new JsonObject { ["url"] = hook.BaseAddress + id } };
                Assert.Equal(HttpStatusCode.Created, (await first.Client.PostAsync("/jobs", PushBodies.Json(job.ToJsonString()), Ct)).StatusCode);
            }

            var ticks = await Task.WhenAll(new[] { first, second, first, second }.Select(f => f.Client.PostAsync("/cron/tick", null, Ct)));
            var claimed = 0;
            foreach (var tick in ticks)
            {
                Assert.Equal(HttpStatusCode.OK, tick.StatusCode);
                claimed += (await tick.Content.ReadFromJsonAsync<JsonObject>(Ct))!["jobs_claimed"]!.GetValue<int>();
            }

            Assert.Equal(ids.Count, claimed);
            Assert.Equal(ids.Select(id => "/" + id), hook.Requests.Select(r => r.PathAndQuery).Order(StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
