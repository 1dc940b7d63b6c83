namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The indexes behind the dashboard's search (<see cref="SqliteTallySearch"/>, rejected deliveries by reason), created
/// with the other indexes of <see cref="SqliteTallySchema"/> once the columns exist. By state then creation
/// (<c>pax_tallies_state_recent</c>), by state then run key (<c>pax_tallies_state_key</c>: a prefix within a state), the
/// tallies whose trigger failed by the failure's time (<c>pax_tallies_trigger_failed</c>, partial: only those rows), and
/// rejected deliveries by reason (<c>pax_rejected_reason</c>, <c>pax_rejected_phase_reason</c>). A run key prefix
/// alone uses the primary key (phase, run key); a time range alone <c>pax_tallies_recent</c>.
/// </summary>
internal static class SqliteSearchIndexes
{
    public const string Definitions = """

        CREATE INDEX IF NOT EXISTS pax_tallies_state_recent ON pax_tallies (phase, state, created_at, run_key);
        CREATE INDEX IF NOT EXISTS pax_tallies_state_key ON pax_tallies (phase, state, run_key);
        CREATE INDEX IF NOT EXISTS pax_tallies_trigger_failed ON pax_tallies (phase, trigger_error_at, run_key) WHERE trigger_error_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS pax_rejected_reason ON pax_rejected (reason_code, received_at);
        CREATE INDEX IF NOT EXISTS pax_rejected_phase_reason ON pax_rejected (phase, reason_code, received_at);
        """;
}
