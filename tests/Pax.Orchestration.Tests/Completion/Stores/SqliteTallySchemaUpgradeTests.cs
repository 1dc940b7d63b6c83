using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>A tallies file written by an older Pax keeps working and gains the columns and tables added since.</summary>
public sealed class SqliteTallySchemaUpgradeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pax-upgrade-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_existing_file_gains_the_claim_columns_and_its_tallies_read_as_never_claimed_until_claimed()
    {
        var path = OlderFile("""
            CREATE TABLE pax_tallies (phase TEXT NOT NULL, run_key TEXT NOT NULL, state TEXT NOT NULL, claimed_until INTEGER NULL,
              created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, triggered_at INTEGER NULL, PRIMARY KEY (phase, run_key));
            INSERT INTO pax_tallies VALUES ('phase2', 'k1', 'open', NULL, 1000, 1000, NULL);
            """);

        using var store = new SqliteCompletionStore(Options.Create(new OrchestrationOptions { Sqlite = { Path = path } }));
        var ct = TestContext.Current.CancellationToken;
        var before = await store.GetAsync("phase2", "k1", ct);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(5000);
        var claimed = await store.TryClaimAsync("phase2", "k1", now, now.AddMinutes(1), ct);
        var after = await store.GetAsync("phase2", "k1", ct);

        Assert.Equal((null, 0), (before!.ClaimedAt, before.Claims));
        Assert.True(claimed);
        Assert.Equal((now, 1), (after!.ClaimedAt, after.Claims));
    }

    [Fact]
    public async Task An_existing_file_gains_the_trace_column_of_its_reports()
    {
        var path = OlderFile("""
            CREATE TABLE pax_tallies (phase TEXT NOT NULL, run_key TEXT NOT NULL, state TEXT NOT NULL, claimed_until INTEGER NULL,
              created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, triggered_at INTEGER NULL, PRIMARY KEY (phase, run_key));
            CREATE TABLE pax_completions (phase TEXT NOT NULL, run_key TEXT NOT NULL, processor TEXT NOT NULL, status TEXT NOT NULL,
              recorded_at INTEGER NOT NULL, message_id TEXT NULL, details TEXT NULL, PRIMARY KEY (phase, run_key, processor));
            INSERT INTO pax_tallies VALUES ('phase2', 'k1', 'open', NULL, 1000, 1000, NULL);
            INSERT INTO pax_completions VALUES ('phase2', 'k1', 'a', 'succeeded', 1000, 'm1', NULL);
            """);

        using var store = new SqliteCompletionStore(Options.Create(new OrchestrationOptions { Sqlite = { Path = path } }));
        var ct = TestContext.Current.CancellationToken;
        var before = await store.GetAsync("phase2", "k1", ct);
        const string traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var b = new ProcessorCompletion("b", CompletionStatus.Succeeded, DateTimeOffset.FromUnixTimeMilliseconds(2000), "m2", null) { TraceParent = traceParent };
        await store.RecordAsync("phase2", "k1", b, null, ct);
        var after = await store.GetAsync("phase2", "k1", ct);

        Assert.Null(before!.Completions["a"].TraceParent);
        Assert.Equal(traceParent, after!.Completions["b"].TraceParent);
    }

    [Fact]
    public async Task An_existing_file_gains_the_trace_column_of_its_trigger()
    {
        var path = OlderFile("""
            CREATE TABLE pax_tallies (phase TEXT NOT NULL, run_key TEXT NOT NULL, state TEXT NOT NULL, claimed_until INTEGER NULL,
              created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, triggered_at INTEGER NULL, PRIMARY KEY (phase, run_key));
            INSERT INTO pax_tallies VALUES ('phase2', 'k1', 'triggered', NULL, 1000, 1000, 1000);
            INSERT INTO pax_tallies VALUES ('phase2', 'k2', 'claimed', 9000, 1000, 1000, NULL);
            """);

        using var store = new SqliteCompletionStore(Options.Create(new OrchestrationOptions { Sqlite = { Path = path } }));
        var ct = TestContext.Current.CancellationToken;
        const string traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        await store.MarkTriggeredAsync("phase2", "k2", DateTimeOffset.FromUnixTimeMilliseconds(2000), traceParent, ct);

        Assert.Null((await store.GetAsync("phase2", "k1", ct))!.TriggerTraceParent);
        Assert.Equal(traceParent, (await store.GetAsync("phase2", "k2", ct))!.TriggerTraceParent);
    }

    [Fact]
    public async Task An_existing_file_gains_the_trigger_error_and_rejected_delivery_columns_and_the_phases_table()
    {
        var path = OlderFile("""
            CREATE TABLE pax_tallies (phase TEXT NOT NULL, run_key TEXT NOT NULL, state TEXT NOT NULL, claimed_until INTEGER NULL,
              created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, triggered_at INTEGER NULL, claimed_at INTEGER NULL,
              claims INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (phase, run_key));
            CREATE TABLE pax_rejected (id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NULL, reason TEXT NOT NULL, received_at INTEGER NOT NULL, excerpt TEXT NULL);
            INSERT INTO pax_tallies VALUES ('phase2', 'k1', 'claimed', 9000, 1000, 1000, NULL, 1000, 1);
            INSERT INTO pax_rejected (message_id, reason, received_at, excerpt) VALUES ('m-old', 'old reason', 500, NULL);
            """);

        using var store = new SqliteCompletionStore(Options.Create(new OrchestrationOptions { Sqlite = { Path = path } }));
        var ct = TestContext.Current.CancellationToken;
        var before = await store.GetAsync("phase2", "k1", ct);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(5000);
        var kept = await store.RecordTriggerFailureAsync("phase2", "k1", at, "HTTP 403 PERMISSION_DENIED: denied", ct);
        await store.RecordRejectedAsync(new RejectedMessage("m-new", "unknown processor", at, null) { Phase = "phase2", RunKey = "k1", Processor = " a" }, ct);
        var rejected = await store.ListRecentRejectedAsync(10, null, null, ct);
        var deployed = await store.RecordPhaseDeploymentAsync("phase2", at, ct);

        Assert.Null(before!.LastTriggerError);
        Assert.Equal(new TriggerError(at, "HTTP 403 PERMISSION_DENIED: denied", 1), kept);
        Assert.Equal(["m-new", "m-old"], rejected.Select(r => r.MessageId));
        Assert.Equal((null, null), (rejected[1].Phase, rejected[1].RunKey));
        Assert.Equal(at, deployed);
    }

    [Fact]
    public async Task An_existing_files_tallies_gain_their_counts_so_a_phase_widened_past_50_reads_them()
    {
        var path = OlderFile("""
            CREATE TABLE pax_tallies (phase TEXT NOT NULL, run_key TEXT NOT NULL, state TEXT NOT NULL, claimed_until INTEGER NULL,
              created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, triggered_at INTEGER NULL, PRIMARY KEY (phase, run_key));
            CREATE TABLE pax_completions (phase TEXT NOT NULL, run_key TEXT NOT NULL, processor TEXT NOT NULL, status TEXT NOT NULL,
              recorded_at INTEGER NOT NULL, message_id TEXT NULL, details TEXT NULL, PRIMARY KEY (phase, run_key, processor));
            INSERT INTO pax_tallies VALUES ('grow', 'k1', 'open', NULL, 1000, 3000, NULL);
            INSERT INTO pax_tallies VALUES ('grow', 'k2', 'open', NULL, 1000, 1000, NULL);
            INSERT INTO pax_completions VALUES ('grow', 'k1', 'a', 'succeeded', 1000, 'm1', NULL);
            INSERT INTO pax_completions VALUES ('grow', 'k1', 'b', 'succeeded', 3000, 'm2', NULL);
            INSERT INTO pax_completions VALUES ('grow', 'k1', 'c', 'failed', 2000, 'm3', NULL);
            """);

        var widened = new OrchestrationOptions { Sqlite = { Path = path }, Phases = { new PhaseDefinition { Name = "grow", ExpectedCount = 60 } } };
        using var store = new SqliteCompletionStore(Options.Create(widened));
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(new TallyCounts(2, 1, DateTimeOffset.FromUnixTimeMilliseconds(3000)), (await store.GetAsync("grow", "k1", ct))!.Counts);
        Assert.Equal(new TallyCounts(0, 0, null), (await store.GetAsync("grow", "k2", ct))!.Counts);
    }

    /// <summary>Writes a tallies file as an older Pax left it (<paramref name="sql"/>) and returns its path.</summary>
    private string OlderFile(string sql)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "tallies.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
