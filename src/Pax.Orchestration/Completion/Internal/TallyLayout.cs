namespace Pax.Orchestration.Completion.Internal;

/// <summary>
/// Which layout a phase's tallies use. Narrow (up to <see cref="CompletionLimits.MaxNarrowFanIn"/> processors): every
/// report in the tally itself, read and written whole. Wide (up to <see cref="CompletionLimits.MaxFanIn"/>): one record
/// per report, created with a must-not-exist precondition, and counters split over <see cref="ShardCount"/> shards so
/// that no record grows with the fan-in and no shard takes more than a few writes per second (docs/architecture.md,
/// "Wide fan-in").
/// </summary>
internal static class TallyLayout
{
    /// <summary>Reports a counter shard takes over a whole run key, at most: the shard count grows with the fan-in so that 10,000 reports spread over 100 shards.</summary>
    private const int ReportsPerShard = 100;

    private const int MaxShards = 100;

    /// <summary>How many processors a phase waits for: the named ones, else its expected count.</summary>
    public static int FanIn(PhaseDefinition phase) => phase.Processors.Count > 0 ? phase.Processors.Count : phase.ExpectedCount ?? 0;

    /// <summary>Whether the phase's tallies use the wide layout.</summary>
    public static bool IsWide(PhaseDefinition phase) => FanIn(phase) > CompletionLimits.MaxNarrowFanIn;

    /// <summary>How many counter shards a wide tally of the phase spreads its reports over: ⌈fan-in / 100⌉, 1–100.</summary>
    public static int ShardCount(PhaseDefinition phase) => Math.Clamp((FanIn(phase) + ReportsPerShard - 1) / ReportsPerShard, 1, MaxShards);

    /// <summary>The shard of a processor's counters: a hash of its name that is the same in every process (FNV-1a over UTF-16 code units).</summary>
    public static int Shard(string processor, int shards) => (int)(Pax.Orchestration.Internal.StableHash.Utf16(processor) % (uint)shards);

    /// <summary>The phases whose tallies are wide, by name.</summary>
    public static Dictionary<string, PhaseDefinition> WidePhases(IEnumerable<PhaseDefinition> phases) =>
        phases.Where(IsWide).GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
