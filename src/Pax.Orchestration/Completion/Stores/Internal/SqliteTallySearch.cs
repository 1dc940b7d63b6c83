using Microsoft.Data.Sqlite;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The statement of <see cref="SqliteCompletionStore.SearchAsync"/>: one indexed range read (<see cref="SqliteSearchIndexes"/>)
/// returning at most a page of run keys, in the search's order, after the cursor. A prefix <c>p</c> is the range
/// <c>p ≤ run_key &lt; p || U+10FFFF</c> (SQLite compares text by its UTF-8 bytes, and no character sorts above U+10FFFF).
/// </summary>
internal static class SqliteTallySearch
{
    /// <summary>Sorts after every run key that starts with a prefix, when appended to it.</summary>
    public const string PrefixEnd = "\U0010FFFF";

    public static async Task<List<string>> SelectRunKeysAsync(
        SqliteConnection connection, SqliteTransaction transaction, string phase, TallySearch search, int limit, TallyCursor? after, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var where = new List<string> { "phase = $phase" };
        where.AddRange(StateCondition(search.State));
        string order;
        if (search.RunKeyPrefix is { } prefix)
        {
            where.Add("run_key >= $prefix AND run_key < $prefixEnd");
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$prefixEnd", prefix + PrefixEnd);
            if (after is not null)
            {
                where.Add("run_key < $key");
            }

            order = "run_key DESC";
        }
        else
        {
            var time = search.State == TallySearchState.TriggerFailed ? "trigger_error_at" : "created_at";
            Range(command, where, time, search);
            if (after is not null)
            {
                where.Add($"({time} < $at OR ({time} = $at AND run_key < $key))");
                command.Parameters.AddWithValue("$at", after.CreatedAt.ToUnixTimeMilliseconds());
            }

            order = $"{time} DESC, run_key DESC";
        }

        command.CommandText = $"SELECT run_key FROM pax_tallies WHERE {string.Join(" AND ", where)} ORDER BY {order} LIMIT $limit";
        command.Parameters.AddWithValue("$phase", phase);
        command.Parameters.AddWithValue("$limit", limit);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$key", after.RunKey);
        }

        var found = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private static IEnumerable<string> StateCondition(TallySearchState state) => state switch
    {
        TallySearchState.Open => ["state = 'open'"],
        TallySearchState.Claimed => ["state = 'claimed'"],
        TallySearchState.Triggered => ["state = 'triggered'"],
        TallySearchState.Untriggered => ["state IN ('open', 'claimed')"],
        TallySearchState.TriggerFailed => ["trigger_error_at IS NOT NULL"],
        _ => [],
    };

    private static void Range(SqliteCommand command, List<string> where, string time, TallySearch search)
    {
        if (search.From is { } from)
        {
            where.Add($"{time} >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (search.Until is { } until)
        {
            where.Add($"{time} < $until");
            command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        }
    }
}
