using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.TestSupport.CloudFunctions;
using Pax.TestSupport.CloudRun;
using Pax.TestSupport.CloudScheduler;
using Pax.TestSupport.Eventarc;
using Pax.TestSupport.Monitoring;
using Pax.TestSupport.PubSub;
using Pax.TestSupport.ResourceManager;

namespace Pax.Tool.Tests.Doctor;

/// <summary>
/// A live project stood in for by the strict loopback fakes (Cloud Scheduler, Cloud Run Admin, Pub/Sub, Resource
/// Manager, Eventarc, Cloud Functions, Cloud Monitoring), reached through <c>CLOUDSDK_API_ENDPOINT_OVERRIDES_&lt;API&gt;</c> as loopback http URLs (so no token is
/// fetched: the fakes accept only anonymous requests), and <c>pax</c> run in-process against it.
/// </summary>
internal sealed class DoctorProject : IAsyncDisposable
{
    public const string Project = "pax-demo";
    public const string Region = "us-east1";
    public const string SchedulerAccount = "pax-scheduler@pax-demo.iam.gserviceaccount.com";
    public const string PushAccount = "pax-push@pax-demo.iam.gserviceaccount.com";
    public const string EventarcAccount = "pax-eventarc@pax-demo.iam.gserviceaccount.com";
    public const string Trigger = "projects/pax-demo/locations/us-east1/triggers/orchestrator-trigger";
    public const string TriggerSubscription = "eventarc-us-east1-orchestrator-trigger-sub-123";
    public const string CollectorJob = "projects/pax-demo/locations/us-east1/jobs/pax-collector";
    public const string Orchestrator = "projects/pax-demo/locations/us-east1/services/orchestrator";
    public const string PublicService = "projects/pax-demo/locations/us-east1/services/public-api";
    public static readonly Uri OrchestratorUrl = new("https://orchestrator-abc123-ue.a.run.app");
    public static readonly Uri PublicUrl = new("https://public-api-abc123-ue.a.run.app");
    public static readonly string RunJobUrl = $"https://run.googleapis.com/v2/{CollectorJob}:run";

    private DoctorProject(
        FakeCloudSchedulerServer scheduler, FakeCloudRunIamServer run, FakePubSubServer pubSub, FakeResourceManagerServer resourceManager, FakeEventarcServer eventarc,
        FakeCloudFunctionsServer functions, FakeCloudMonitoringServer monitoring)
    {
        Monitoring = monitoring;
        Functions = functions;
        Eventarc = eventarc;
        Scheduler = scheduler;
        Run = run;
        PubSub = pubSub;
        ResourceManager = resourceManager;
    }

    public FakeCloudSchedulerServer Scheduler { get; }

    public FakeCloudRunIamServer Run { get; }

    public FakePubSubServer PubSub { get; }

    public FakeResourceManagerServer ResourceManager { get; }

    public FakeEventarcServer Eventarc { get; }

    public FakeCloudFunctionsServer Functions { get; }

    public FakeCloudMonitoringServer Monitoring { get; }

    public static async Task<DoctorProject> StartAsync()
    {
        // accessToken: null — the fakes accept requests without a token; DoctorTests check none was sent.
        var ct = TestContext.Current.CancellationToken;
        return new DoctorProject(
            await FakeCloudSchedulerServer.StartAsync(accessToken: null, cancellationToken: ct),
            await FakeCloudRunIamServer.StartAsync(accessToken: null, cancellationToken: ct),
            await FakePubSubServer.StartAsync(accessToken: null, cancellationToken: ct),
            await FakeResourceManagerServer.StartAsync(accessToken: null, cancellationToken: ct),
            await FakeEventarcServer.StartAsync(accessToken: null, cancellationToken: ct),
            await FakeCloudFunctionsServer.StartAsync(accessToken: null, cancellationToken: ct),
            await FakeCloudMonitoringServer.StartAsync(accessToken: null, cancellationToken: ct));
    }

    public static JsonObject Policy(params (string Role, string[] Members)[] bindings) => new()
    {
        ["bindings"] = new JsonArray(bindings.Select(b => (JsonNode)new JsonObject
        {
            ["role"] = b.Role,
            ["members"] = new JsonArray(b.Members.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
        }).ToArray()),
    };

    /// <summary>
    /// An HTTP job as Google keeps it: without <paramref name="attemptDeadline"/> it has Cloud Scheduler's default, 180 s,
    /// shorter than a Cloud Run service's default request timeout (300 s) — a job to a service is PAX104 unless the test
    /// gives a deadline that waits as long.
    /// </summary>
    public static JsonObject HttpJob(string id, string uri, string? oauthAccount = null, string? oidcAccount = null, string? oidcAudience = null, string? attemptDeadline = null)
    {
        var target = new JsonObject { ["uri"] = uri, ["httpMethod"] = "POST" };
        if (oauthAccount is not null)
        {
            target["oauthToken"] = new JsonObject { ["serviceAccountEmail"] = oauthAccount, ["scope"] = "https://www.googleapis.com/auth/cloud-platform" };
        }

        if (oidcAccount is not null)
        {
            target["oidcToken"] = new JsonObject { ["serviceAccountEmail"] = oidcAccount, ["audience"] = oidcAudience ?? uri };
        }

        var job = new JsonObject
        {
            ["name"] = $"projects/{Project}/locations/{Region}/jobs/{id}",
            ["schedule"] = "*/30 * * * *",
            ["timeZone"] = "Etc/UTC",
            ["httpTarget"] = target,
        };
        if (attemptDeadline is not null)
        {
            job["attemptDeadline"] = attemptDeadline;
        }

        return job;
    }

    /// <summary>
    /// A push subscription as Google creates it by default: Pub/Sub's ack deadline (10 s) and no dead-letter policy — so it
    /// is PAX106 unless the test asks for <paramref name="deadLetter"/> (a topic <c>{id}-dead-letter</c>, 5 attempts).
    /// </summary>
    public static JsonObject PushSubscription(string id, Uri endpoint, string? account, bool deadLetter = false)
    {
        var push = new JsonObject { ["pushEndpoint"] = endpoint.AbsoluteUri };
        if (account is not null)
        {
            push["oidcToken"] = new JsonObject { ["serviceAccountEmail"] = account, ["audience"] = endpoint.GetLeftPart(UriPartial.Authority) };
        }

        var subscription = new JsonObject
        {
            ["name"] = $"projects/{Project}/subscriptions/{id}",
            ["topic"] = $"projects/{Project}/topics/completions",
            ["pushConfig"] = push,
        };
        if (deadLetter)
        {
            subscription["deadLetterPolicy"] = new JsonObject { ["deadLetterTopic"] = $"projects/{Project}/topics/{id}-dead-letter", ["maxDeliveryAttempts"] = 5 };
        }

        return subscription;
    }

    /// <summary>An Eventarc trigger on a Pub/Sub topic to the orchestrator, and the push subscription Eventarc manages for it.</summary>
    public void AddTrigger(string account)
    {
        Eventarc.AddTrigger(new JsonObject
        {
            ["name"] = Trigger,
            ["eventFilters"] = new JsonArray(new JsonObject { ["attribute"] = "type", ["value"] = "google.cloud.pubsub.topic.v1.messagePublished" }),
            ["serviceAccount"] = account,
            ["destination"] = new JsonObject { ["cloudRun"] = new JsonObject { ["service"] = "orchestrator", ["path"] = "/events", ["region"] = Region } },
            ["transport"] = new JsonObject
            {
                ["pubsub"] = new JsonObject { ["topic"] = $"projects/{Project}/topics/completions", ["subscription"] = $"projects/{Project}/subscriptions/{TriggerSubscription}" },
            },
        });
        PubSub.AddSubscription(PushSubscription(TriggerSubscription, new Uri(OrchestratorUrl, "/events"), account));
    }

    public static JsonObject PullSubscription(string id) => new()
    {
        ["name"] = $"projects/{Project}/subscriptions/{id}",
        ["topic"] = $"projects/{Project}/topics/completions",
    };

    /// <summary>The first seed story's state and the second's: OIDC to jobs:run, a push account without invoker (its subscription has a dead-letter policy), a public service.</summary>
    public void SeedBroken()
    {
        Run.AddJob(CollectorJob, Policy(("roles/run.invoker", [$"serviceAccount:{SchedulerAccount}"])));
        Scheduler.AddJob(HttpJob("pax-collector-every-30-min", RunJobUrl, oidcAccount: SchedulerAccount));
        Run.AddService(Orchestrator, OrchestratorUrl); // the redeploy dropped roles/run.invoker: empty policy.
        PubSub.AddSubscription(PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), PushAccount, deadLetter: true));
        Run.AddService(PublicService, PublicUrl, Policy(("roles/run.invoker", ["allUsers"])));
        PubSub.AddSubscription(PullSubscription("completions-pull"));
        AddTrigger(EventarcAccount); // its account holds no invoker role either: reported once, on the trigger.
        ResourceManager.SetProjectPolicy(Project, Policy(("roles/owner", ["user:admin@example.com"])));
    }

    /// <summary>
    /// The correct twins: OAuth to jobs:run, OIDC to the service with a service-level grant and an attempt deadline as
    /// long as its request timeout, push subscriptions with a dead-letter policy whose accounts are granted
    /// invoker at project level or hold roles/run.developer on the service, a pull subscription, and an
    /// Eventarc trigger whose account holds invoker on the service, with its managed subscription.
    /// </summary>
    public void SeedCorrect()
    {
        Run.AddJob(CollectorJob, Policy(("roles/run.invoker", [$"serviceAccount:{SchedulerAccount}"])));
        Scheduler.AddJob(HttpJob("pax-collector-every-30-min", RunJobUrl, oauthAccount: SchedulerAccount));
        Run.AddService(Orchestrator, OrchestratorUrl, Policy(
            ("roles/run.invoker", [$"serviceAccount:{SchedulerAccount}"]),
            ("roles/run.developer", ["serviceAccount:pax-dev@pax-demo.iam.gserviceaccount.com"]),
            ("roles/run.invoker", [$"serviceAccount:{EventarcAccount}"])));
        Scheduler.AddJob(HttpJob("pax-tick", new Uri(OrchestratorUrl, "/cron/tick").AbsoluteUri, oidcAccount: SchedulerAccount, oidcAudience: OrchestratorUrl.AbsoluteUri, attemptDeadline: "300s"));
        PubSub.AddSubscription(PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), PushAccount, deadLetter: true));
        PubSub.AddSubscription(PushSubscription("completions-push-dev", new Uri(OrchestratorUrl, "/pubsub"), "pax-dev@pax-demo.iam.gserviceaccount.com", deadLetter: true));
        PubSub.AddSubscription(PullSubscription("completions-pull"));
        AddTrigger(EventarcAccount);
        ResourceManager.SetProjectPolicy(Project, Policy(("roles/run.invoker", [$"serviceAccount:{PushAccount}"])));
    }

    public Func<string, string?> Environment => name => name switch
    {
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDSCHEDULER" => Scheduler.BaseAddress.AbsoluteUri,
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN" => Run.BaseAddress.AbsoluteUri,
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB" => PubSub.BaseAddress.AbsoluteUri,
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER" => ResourceManager.BaseAddress.AbsoluteUri,
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_EVENTARC" => Eventarc.BaseAddress.AbsoluteUri,
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDFUNCTIONS" => Functions.BaseAddress.AbsoluteUri,
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_MONITORING" => Monitoring.BaseAddress.AbsoluteUri,
        _ => null,
    };

    public IEnumerable<string?> AuthorizationHeaders =>
        Scheduler.Requests.Concat(Run.Requests).Concat(PubSub.Requests).Concat(ResourceManager.Requests).Concat(Eventarc.Requests).Concat(Functions.Requests)
            .Concat(Monitoring.Requests).Select(r => r.Authorization);

    /// <summary>Runs <c>pax doctor --format json</c> on the project, with <paramref name="extra"/> flags, and parses its report.</summary>
    public async Task<(int ExitCode, JsonElement Report, string Error)> ReportAsync(params string[] extra)
    {
        var (code, output, error) = await RunAsync(["doctor", "--project", Project, "--region", Region, "--format", "json", .. extra]);
        using var json = JsonDocument.Parse(output);
        return (code, json.RootElement.Clone(), error);
    }

    /// <summary>Runs <c>pax</c> in-process with this project's endpoints.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs <c>pax</c> in-process with this project's endpoints and <paramref name="input"/> as standard input.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string input, params string[] args) => RunWithAsync(input, null, args);

    /// <summary>Runs <c>pax</c> in-process with this project's endpoints, <paramref name="input"/> as standard input and extra services.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunWithAsync(string input, Action<IServiceCollection>? services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PaxApp.RunAsync(args, new ToolConsole(output, error, Environment, IsTerminal: false, new StringReader(input)), TestContext.Current.CancellationToken, services);
        return (code, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        await Run.DisposeAsync();
        await PubSub.DisposeAsync();
        await ResourceManager.DisposeAsync();
        await Eventarc.DisposeAsync();
        await Functions.DisposeAsync();
        await Monitoring.DisposeAsync();
    }
}
