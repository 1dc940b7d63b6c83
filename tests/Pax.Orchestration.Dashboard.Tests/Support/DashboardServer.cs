using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Dashboard.Internal;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores;
using Pax.TestSupport.PubSub;

namespace Pax.Orchestration.Dashboard.Tests.Support;

/// <summary>
/// The dashboard on Kestrel at 127.0.0.1:0 over real SQLite stores (tallies and jobs) in a temporary directory, with a
/// fake clock, a recording trigger and a log collector. Phases: <c>collect</c> (named cam-a, cam-b, cam-c; deadline 1 h;
/// expected daily at 06:00 UTC), <c>process</c> (2 of 3 unnamed processors) and <c>publish</c> (named x; a real Pub/Sub
/// topic trigger, to <c>projects/p/topics/next</c> on the Pub/Sub stand-in when one is given). With <c>intake</c> (or a
/// Pub/Sub stand-in) the orchestrator's own endpoints are mapped too, open: push intake at <c>/</c>, <c>GET /tallies/…</c>.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Where <c>collect</c>'s expected run keys start (<c>Expected:Start</c>): before the look-back window, so it does not limit it.</summary>
    public static readonly DateTimeOffset ExpectedFrom = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _app;
    private readonly string _directory;

    private DashboardServer(WebApplication app, string directory, FakeTimeProvider time, FakeLogCollector logs)
    {
        _app = app;
        _directory = directory;
        Time = time;
        Logs = logs;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _app.Services;

    public NoopTrigger Trigger { get; private init; } = null!;

    public CompletionTally Tally => Services.GetRequiredService<CompletionTally>();

    public IScheduledJobStore Jobs => Services.GetRequiredService<IScheduledJobStore>();

    public static async Task<DashboardServer> StartAsync(
        Action<DashboardOptions>? configure = null, Action<IServiceCollection>? services = null, string? firestoreEmulator = null, FakePubSubServer? pubSub = null, bool intake = false)
    {
        var project = "p" + Guid.NewGuid().ToString("N")[..12];
        var directory = Path.Combine(Path.GetTempPath(), "pax-dash-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(Now);
        var trigger = new NoopTrigger();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddPaxGoogleCloud(o =>
        {
            o.FirestoreEmulatorHost = firestoreEmulator;
            o.PubSubEmulatorHost = pubSub is null ? null : pubSub.BaseAddress.Authority;
            o.Retry.InitialDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        });
        builder.Services.AddPaxOrchestration(o =>
        {
            o.Store = firestoreEmulator is null ? OrchestrationStoreKind.Sqlite : OrchestrationStoreKind.Firestore;
            o.Firestore.ProjectId = project;
            o.Firestore.ConflictRetry = new FirestoreConflictRetryOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
            o.Sqlite.Path = Path.Combine(directory, "tallies.db");
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Phases.Add(new PhaseDefinition
            {
                Name = "collect",
                Processors = ["cam-a", "cam-b", "cam-c"],
                Deadline = TimeSpan.FromHours(1),
                Expected = new ExpectedRunSchedule { Cron = "0 6 * * *", RunKeyFormat = "yyyy-MM-dd", LookBack = TimeSpan.FromDays(3), Start = ExpectedFrom },
                CustomTrigger = trigger,
            });
            o.Phases.Add(new PhaseDefinition { Name = "process", ExpectedCount = 3, Threshold = 2, CustomTrigger = trigger });

            // Never completed in the tests: shows a configured topic trigger.
            o.Phases.Add(new PhaseDefinition { Name = "publish", Processors = ["x"], Trigger = new PhaseTriggerOptions { Topic = "projects/p/topics/next" } });
        });
        builder.Services.AddPaxScheduling(o =>
        {
            o.Store = firestoreEmulator is null ? OrchestrationStoreKind.Sqlite : OrchestrationStoreKind.Firestore;
            o.Firestore.ProjectId = project;
            o.Firestore.ConflictRetry = new FirestoreConflictRetryOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
            o.Sqlite.Path = Path.Combine(directory, "jobs.db");
            o.Authentication.Mode = InboundAuthenticationMode.None;
        });
        builder.Services.AddPaxDashboard(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.None;
            configure?.Invoke(o);
        });
        // CloudRunIam is valid only behind Cloud Run's IAM check: a dashboard tested in that mode stands for a Cloud
        // Run service (K_SERVICE set) as far as its own options check goes; every other mode runs as a local host.
        var probe = new DashboardOptions { Authentication = { Mode = InboundAuthenticationMode.None } };
        configure?.Invoke(probe);
        builder.Services.RemoveAll<IValidateOptions<DashboardOptions>>();
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>>(new DashboardOptionsValidator(
            name => name == "K_SERVICE" && probe.Authentication.Mode == InboundAuthenticationMode.CloudRunIam ? "orchestrator-test" : null));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        if (intake || pubSub is not null)
        {
            app.MapPaxOrchestration();
        }

        app.MapPaxDashboard("/pax");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new DashboardServer(app, directory, time, app.Services.GetRequiredService<FakeLogCollector>()) { Trigger = trigger };
    }

    /// <summary>POSTs a Pub/Sub push envelope carrying <paramref name="data"/> to the intake (<c>intake: true</c>) and expects it acknowledged.</summary>
    public async Task PushAsync(string data, string messageId)
    {
        var body = JsonSerializer.Serialize(new { message = new { data = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(data)), messageId }, subscription = "projects/p/subscriptions/s" });
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/", content, TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The intake answered {(int)response.StatusCode} to message {messageId}.");
        }
    }

    public Task<CompletionReceipt> ReportAsync(string phase, string processor, string runKey, CompletionStatus status = CompletionStatus.Succeeded, string? messageId = null, string? details = null) =>
        Tally.RecordAsync(new CompletionMessage(phase, processor, runKey, status, messageId, details), TestContext.Current.CancellationToken);

    public async Task<ScheduledJob> AddJobAsync(string id, ScheduledJobStatus status, DateTimeOffset scheduleAt, string? cron = null, string? timeZone = null, string? lastError = null, int attempts = 0)
    {
        using var payload = JsonDocument.Parse("{}");
        var job = new ScheduledJob
        {
            Id = id,
            Type = "http",
            Payload = payload.RootElement.Clone(),
            ScheduleAt = scheduleAt,
            Status = status,
            Attempts = attempts,
            LastError = lastError,
            Cron = cron,
            TimeZone = timeZone,
            LeaseUntil = status == ScheduledJobStatus.Running ? scheduleAt.AddMinutes(1) : null,
            LeaseHolder = status == ScheduledJobStatus.Running ? "orchestrator-00042-abc/localhost/7" : null,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        return await Jobs.TryCreateAsync(job, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"job {id} exists");
    }

    /// <summary>
    /// The usual picture: collect/2026-02-10 with cam-a succeeded, cam-b failed (details with markup), cam-c missing, overdue;
    /// collect/2026-02-09 triggered; collect/2026-02-08 expected but nobody reported; process/run-1 triggered (2 of 3);
    /// process/run-2 claimed with a lapsed lease; four jobs, one per status; one rejected delivery with markup in it.
    /// </summary>
    public async Task SeedAsync()
    {
        await ReportAsync("collect", "cam-a", "2026-02-09", messageId: "m-9a");
        await ReportAsync("collect", "cam-b", "2026-02-09", messageId: "m-9b");
        await ReportAsync("collect", "cam-c", "2026-02-09", messageId: "m-9c");
        await ReportAsync("process", "p1", "run-1");
        await ReportAsync("process", "p3", "run-1");
        await SeedStuckClaimAsync("run-2");
        await ReportAsync("collect", "cam-a", "2026-02-10", messageId: "m-a", details: "42 snapshots");
        await ReportAsync("collect", "cam-b", "2026-02-10", CompletionStatus.Failed, "m-b", "<script>alert('b')</script> & 3 timeouts");
        await AddJobAsync("nightly-export", ScheduledJobStatus.Pending, new DateTimeOffset(2026, 2, 11, 7, 0, 0, TimeSpan.Zero), cron: "0 2 * * *", timeZone: "America/New_York");
        await AddJobAsync("send-report", ScheduledJobStatus.Failed, Now.AddHours(-1), lastError: "HTTP 500 from <b>receiver</b>", attempts: 5);
        await AddJobAsync("reindex", ScheduledJobStatus.Running, Now.AddMinutes(-1), attempts: 1);
        await AddJobAsync("one-off", ScheduledJobStatus.Completed, Now.AddHours(-3), attempts: 1);
        await Services.GetRequiredService<ICompletionStore>().RecordRejectedAsync(
            new RejectedMessage("m-bad", "contract: runKey is missing", Time.GetUtcNow(), "{\"x\":\"<script>alert('x')</script>\"}"), TestContext.Current.CancellationToken);
        Time.Advance(TimeSpan.FromHours(2));
    }

    /// <summary>A tally stuck in <c>claimed</c> with a lapsed lease: the trigger failed once.</summary>
    public async Task SeedStuckClaimAsync(string runKey)
    {
        Trigger.Fail = true;
        await ReportAsync("process", "p1", runKey);
        await ReportAsync("process", "p2", runKey);
        Trigger.Fail = false;
        Time.Advance(TimeSpan.FromMinutes(5));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A next-phase trigger that succeeds, or fails while <see cref="Fail"/> is set.</summary>
    public sealed class NoopTrigger : IPhaseTrigger
    {
        public bool Fail { get; set; }

        public List<PhaseTriggerRequest> Calls { get; } = [];

        public Task FireAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new HttpRequestException("trigger down");
            }

            lock (Calls)
            {
                Calls.Add(request);
            }

            return Task.CompletedTask;
        }
    }
}
