using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Stores;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>A tallies file written before <c>claimed_at</c> and <c>claims</c> existed keeps working and gains them.</summary>
public sealed class SqliteTallySchemaUpgradeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pax-upgrade-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_existing_file_gains_the_claim_columns_and_its_tallies_read_as_never_claimed_until_claimed()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "tallies.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE pax_tallies (phase TEXT NOT NULL, run_key TEXT NOT NULL, state TEXT NOT NULL, claimed_until INTEGER NULL,
                  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, triggered_at INTEGER NULL, PRIMARY KEY (phase, run_key));
                INSERT INTO pax_tallies VALUES ('phase2', 'k1', 'open', NULL, 1000, 1000, NULL);
                """;
            command.ExecuteNonQuery();
        }

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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
