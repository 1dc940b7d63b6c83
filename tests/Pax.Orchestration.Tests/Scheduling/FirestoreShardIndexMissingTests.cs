using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Scheduling.Stores;
using Pax.TestSupport.Firestore;

namespace Pax.Orchestration.Tests.Scheduling;

/// <summary>
/// Right after an upgrade the shard indexes may still be building (deploy.sh creates them with <c>--async</c>), and
/// Firestore refuses the shard query. Ticks go on: a shard's jobs come from the queries every version runs, and an
/// error names the indexes and the commands that create them, at once and every 10 minutes while they are missing.
/// </summary>
public sealed class FirestoreShardIndexMissingTests
{
    private const string Project = "pax-upgrade";
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_the_shard_indexes_a_shards_jobs_come_from_the_unsharded_queries_and_an_error_names_them_and_the_fix()
    {
        await using var fake = await FakeFirestoreServer.StartAsync(cancellationToken: Ct);
        fake.AddDatabase(Project);
        fake.RequireIndexFor("shard");
        var ids = Enumerable.Range(0, 50).Select(i => $"job-{i}").DistinctBy(JobShards.Of).Take(2).ToList();
        foreach (var id in ids)
        {
            fake.PutDocument(FirestoreClient.DocumentName(Project, "scheduler_jobs", id), DueJob());
        }

        var services = new ServiceCollection()
            .AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(FakeFirestoreServer.DefaultAccessToken))
            .AddPaxGoogleCloud(o => o.FirestoreEndpoint = fake.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var logger = new FakeLogger<FirestoreScheduledJobStore>();
        var time = new FakeTimeProvider(Now);
        IShardedJobStore store = new FirestoreScheduledJobStore(
            provider.GetRequiredService<FirestoreClient>(), Options.Create(new SchedulingOptions { Firestore = { ProjectId = Project } }), logger, time);

        var first = await store.ListDueAsync(Now, JobShards.Of(ids[0]), 10, Ct);
        var second = await store.ListDueAsync(Now, JobShards.Of(ids[1]), 10, Ct);
        var once = logger.Collector.GetSnapshot().Count(r => r.Id.Id == 4122);
        time.Advance(TimeSpan.FromMinutes(10));
        await store.ListDueAsync(Now, JobShards.Of(ids[0]), 10, Ct);

        Assert.Equal([ids[0]], first.Select(j => j.Id));
        Assert.Equal([ids[1]], second.Select(j => j.Id));
        Assert.Equal(1, once);
        var errors = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 4122).ToList();
        Assert.Equal(2, errors.Count);
        var error = errors[0];
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("(status, shard, schedule_at) and (status, shard, lease_until) are missing", error.Message, StringComparison.Ordinal);
        foreach (var field in new[] { "schedule_at", "lease_until" })
        {
            Assert.Contains(
                $"gcloud firestore indexes composite create --project={Project} --collection-group=scheduler_jobs --query-scope=COLLECTION "
                + $"--field-config=field-path=status,order=ascending --field-config=field-path=shard,order=ascending --field-config=field-path={field},order=ascending",
                error.Message,
                StringComparison.Ordinal);
        }

        Assert.Contains("The query requires an index", error.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deploy_script_creates_the_shard_indexes()
    {
        var deploy = File.ReadAllText(Path.Combine(Support.FunctionProcess.RepositoryRoot(), "samples", "Pax.Orchestrator.Function", "deploy", "deploy.sh"));

        Assert.Contains("--collection-group=scheduler_jobs", deploy, StringComparison.Ordinal);
        Assert.Contains("--field-config=\"field-path=shard,order=ascending\"", deploy, StringComparison.Ordinal);
        Assert.Contains("for field in schedule_at lease_until", deploy, StringComparison.Ordinal);
    }

    // A pending job due a minute ago, in the layout of FirestoreJobDocument (without the shard, which the fake does not filter on).
    private static JsonObject DueJob() => new()
    {
        ["type"] = new JsonObject { ["stringValue"] = "http" },
        ["payload"] = new JsonObject { ["mapValue"] = new JsonObject() },
        ["schedule_at"] = new JsonObject { ["timestampValue"] = "2026-02-10T05:59:00Z" },
        ["status"] = new JsonObject { ["stringValue"] = "pending" },
        ["updated_at"] = new JsonObject { ["timestampValue"] = "2026-02-10T05:59:00Z" },
    };
}
