using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Firestore;

namespace Pax.Orchestration.Tests.Stores;

/// <summary>
/// A project without a <c>(default)</c> database (<see cref="FakeFirestoreServer"/> answers Google's 404 body) is a
/// configuration error: the stores fail on the first call instead of looping or reading "no tally", and the
/// <c>firestore</c> readiness check makes <c>/readyz</c> answer 503 naming the database, while <c>/healthz</c> stays
/// <c>ok</c>. On the emulator (a database exists) <c>/readyz</c> is healthy. The check also runs once on its own after
/// startup, but not before the first requests have been answered (<see cref="DeferredStartupWork"/>), and logs the error.
/// </summary>
public sealed class FirestoreDatabaseMissingTests(EmulatorsFixture emulators)
{
    private const string Project = "pax-nodb";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_stores_fail_fast_with_the_configuration_error_and_do_not_retry()
    {
        await using var fake = await FakeFirestoreServer.StartAsync(cancellationToken: Ct);
        await using var host = await StartAsync(fake, emulatorHost: null);
        var tallies = host.Services.GetRequiredService<ICompletionStore>();
        var jobs = host.Services.GetRequiredService<IScheduledJobStore>();
        var before = fake.Requests.Count;
        var report = new ProcessorCompletion("a", CompletionStatus.Succeeded, host.Time.GetUtcNow(), "m-1", null);

        var record = await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => tallies.RecordAsync("phase2", "k1", report, null, Ct));
        var read = await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => tallies.GetAsync("phase2", "k1", Ct));
        await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => jobs.GetAsync("job-1", Ct));

        Assert.Equal(3, fake.Requests.Skip(before).Count(r => !r.Path.Contains(FirestoreClient.HealthCollection, StringComparison.Ordinal)));
        Assert.Contains("Firestore database '(default)' does not exist in project 'pax-nodb'", record.Message, StringComparison.Ordinal);
        Assert.Equal(Project, read.ProjectId);
    }

    [Fact]
    public async Task Readyz_answers_503_naming_the_database_while_healthz_stays_ok()
    {
        await using var fake = await FakeFirestoreServer.StartAsync(cancellationToken: Ct);
        await using var host = await StartAsync(fake, emulatorHost: null);

        var ready = await host.Client.GetAsync("/readyz", Ct);
        var body = await ready.Content.ReadAsStringAsync(Ct);
        var live = await host.Client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("Unhealthy", body, StringComparison.Ordinal);
        Assert.Contains("firestore: Firestore database '(default)' does not exist in project 'pax-nodb'", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        fake.AddDatabase(Project);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/readyz", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_startup_check_leaves_the_first_requests_alone_then_logs_the_missing_database()
    {
        var logged = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = await FakeFirestoreServer.StartAsync(cancellationToken: Ct);
        await using var host = await StartAsync(fake, emulatorHost: null, services => services.AddFakeLogging(o => o.OutputSink = line =>
        {
            if (line.Contains("Startup check failed", StringComparison.Ordinal))
            {
                logged.TrySetResult(line);
            }
        }));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz", Ct)).StatusCode);
        }

        Assert.False(logged.Task.IsCompleted);
        Assert.DoesNotContain(fake.Requests, r => r.Path.Contains(FirestoreClient.HealthCollection, StringComparison.Ordinal));

        // The delay is on the host's clock; a probe between steps lets the background work see each one.
        for (var step = 0; step < 100 && !logged.Task.IsCompleted; step++)
        {
            host.Time.Advance(DeferredStartupWork.Delay);
            await Task.WhenAny(logged.Task, host.Client.GetAsync("/healthz", Ct));
        }

        await logged.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var entry = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4091);
        Assert.Contains("does not exist in project 'pax-nodb'", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_is_healthy_on_the_emulator_and_checks_the_database_once()
    {
        var emulator = await emulators.FirestoreAsync();
        await using var host = await StartAsync(null, emulator.HostPort);

        var first = await host.Client.GetAsync("/readyz", Ct);
        var second = await host.Client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Healthy\n", await first.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    private static Task<LoopbackHost> StartAsync(FakeFirestoreServer? fake, string? emulatorHost, Action<IServiceCollection>? more = null) => LoopbackHost.StartAsync(
        new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero),
        (services, directory) =>
        {
            more?.Invoke(services);
            services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(FakeFirestoreServer.DefaultAccessToken));
            services.AddPaxGoogleCloud(o =>
            {
                o.FirestoreEndpoint = fake?.BaseAddress;
                o.FirestoreEmulatorHost = emulatorHost;
                o.Retry.InitialDelay = TimeSpan.Zero;
                o.Retry.MaxDelay = TimeSpan.Zero;

                // The retry pipeline's timeouts run on the host's fake clock, which the startup-check test steps while
                // the check's request is in flight: on a loaded machine 15 steps (30 s) passed before the fake's 404
                // came back and the check logged a timeout instead of the missing database.
                o.Retry.AttemptTimeout = TimeSpan.FromDays(1);
                o.Retry.TotalTimeout = TimeSpan.FromDays(1);
            });
            services.AddPaxOrchestration(o =>
            {
                o.Store = OrchestrationStoreKind.Firestore;
                o.Firestore.ProjectId = Project;
                o.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = ["a", "b"], CustomTrigger = new RecordingTrigger() });
                o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
            });
            services.AddPaxScheduling(o =>
            {
                o.Store = OrchestrationStoreKind.Firestore;
                o.Firestore.ProjectId = Project;
                o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
            });
        },
        app => app.MapPaxOrchestration());
}
