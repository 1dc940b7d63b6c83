using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Tests.Support;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Tests.Stores;

/// <summary>
/// Contention (409 <c>ABORTED</c>) is retried with exponential backoff and jitter, bounded in total time, per
/// <see cref="FirestoreConflictRetryOptions"/>; the delays run on the injected clock, so nothing sleeps.
/// </summary>
public sealed class FirestoreConflictBackoffTests
{
    private const string Project = "p";
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromMilliseconds(400);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_tally_store_backs_off_exponentially_with_jitter_and_succeeds_after_contention()
    {
        var handler = new ScriptedFirestoreHandler()
            .Commit(HttpStatusCode.Conflict, ScriptedFirestoreHandler.Aborted)
            .Commit(HttpStatusCode.Conflict, ScriptedFirestoreHandler.Aborted)
            .Commit(HttpStatusCode.OK, "{\"writeResults\":[{\"updateTime\":\"2026-02-10T06:00:01.000001Z\"}],\"commitTime\":\"2026-02-10T06:00:01.000001Z\"}");
        var time = new DelayRecordingTimeProvider();
        await using var services = Services(handler, time, TimeSpan.FromSeconds(10));

        var result = await services.GetRequiredService<ICompletionStore>().RecordAsync("phase2", "k1", Report(), null, Ct);

        Assert.True(result.Changed);
        Assert.Equal(3, handler.Commits);
        AssertBackoff([.. time.Delays]);
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task The_tally_store_stops_retrying_at_the_total_time_bound_and_throws_the_conflict()
    {
        var handler = new ScriptedFirestoreHandler();
        var time = new DelayRecordingTimeProvider();
        var bound = TimeSpan.FromSeconds(1);
        await using var services = Services(handler, time, bound);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<ICompletionStore>().RecordAsync("phase2", "k1", Report(), null, Ct));

        Assert.Equal(FirestoreErrorStatus.Aborted, error.Status);
        var delays = time.Delays.ToList();
        AssertBackoff(delays);
        Assert.True(delays.Count >= 3, $"only {delays.Count} retries");
        Assert.True(delays.Aggregate(TimeSpan.Zero, (a, d) => a + d) <= bound);
        Assert.Equal(delays.Count + 1, handler.Commits);
        Assert.True(handler.Commits < 25, "the attempt count, not the time bound, ended the retries");
    }

    [Fact]
    public async Task The_job_store_backs_off_between_ABORTED_commits()
    {
        const string version = "2026-02-10T06:00:00.000001Z";
        var handler = new ScriptedFirestoreHandler
        {
            ReadAnswer = (HttpStatusCode.OK, $"{{\"name\":\"projects/p/databases/(default)/documents/scheduler_jobs/j1\",\"fields\":{{}},\"updateTime\":\"{version}\"}}"),
        };
        var time = new DelayRecordingTimeProvider();
        await using var services = Services(handler, time, TimeSpan.FromSeconds(10));
        var job = new ScheduledJob
        {
            Id = "j1",
            Type = "http",
            Payload = JsonDocument.Parse("{}").RootElement,
            ScheduleAt = time.GetUtcNow(),
            Status = ScheduledJobStatus.Running,
            UpdatedAt = time.GetUtcNow(),
            Version = version,
        };

        await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<IScheduledJobStore>().TryReplaceAsync(job, Ct));

        Assert.Equal(5, handler.Commits);
        Assert.Equal(4, time.Delays.Count);
        AssertBackoff([.. time.Delays]);
    }

    [Fact]
    public void Bad_backoff_settings_are_refused_at_startup_naming_the_key()
    {
        var options = new OrchestrationOptions();
        options.Firestore.ConflictRetry = new FirestoreConflictRetryOptions { InitialDelay = TimeSpan.FromSeconds(3), MaxDelay = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.Zero };

        var result = new OrchestrationOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Pax:Orchestration:Firestore:ConflictRetry:MaxDelay", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Pax:Orchestration:Firestore:ConflictRetry:TotalTimeout", StringComparison.Ordinal));
    }

    /// <summary>Retry n waited between half and all of min(Initial × 2^(n-1), Max).</summary>
    private static void AssertBackoff(IReadOnlyList<TimeSpan> delays)
    {
        for (var n = 1; n <= delays.Count; n++)
        {
            var cap = TimeSpan.FromTicks(Math.Min(Initial.Ticks << (n - 1), Max.Ticks));
            Assert.InRange(delays[n - 1], cap / 2, cap);
        }
    }

    private static ProcessorCompletion Report() => new("a", CompletionStatus.Succeeded, new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero), "m-a", null);

    private static ServiceProvider Services(ScriptedFirestoreHandler handler, TimeProvider time, TimeSpan bound)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider("t"));
        services.AddPaxGoogleCloud(o => o.Retry.MaxRetryAttempts = 1);
        services.AddHttpClient<FirestoreClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        var retry = new FirestoreConflictRetryOptions { InitialDelay = Initial, MaxDelay = Max, TotalTimeout = bound };
        services.AddPaxOrchestration(o =>
        {
            o.Store = OrchestrationStoreKind.Firestore;
            o.Firestore.ProjectId = Project;
            o.Firestore.ConflictRetry = retry;
            o.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = ["a", "b"], CustomTrigger = new RecordingTrigger() });
            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
        });
        services.AddPaxScheduling(o =>
        {
            o.Store = OrchestrationStoreKind.Firestore;
            o.Firestore.ProjectId = Project;
            o.Firestore.ConflictRetry = retry;
            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
        });
        return services.BuildServiceProvider();
    }
}
