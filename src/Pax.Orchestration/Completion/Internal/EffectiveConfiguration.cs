using System.Globalization;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>
/// What a running orchestrator waits for, in words, for its one startup log entry (event 4019): per phase its
/// processors (or count), how many must succeed, deadline, expected schedule and what it starts.
/// </summary>
internal static class EffectiveConfiguration
{
    public static string Store(OrchestrationOptions options, OrchestrationStoreKind kind) => kind == OrchestrationStoreKind.Firestore
        ? $"Firestore (project {options.Firestore.ProjectId ?? "not set"})"
        : $"SQLite ({Path.GetFullPath(options.Sqlite.Path)})";

    /// <summary>Every phase, "; "-separated: <c>phase2 waits for [x, y] (all 2 must succeed), deadline 06:00:00, then topic projects/p/topics/t</c>.</summary>
    public static string Phases(IReadOnlyList<PhaseDefinition> phases) => string.Join("; ", phases.Select(Describe));

    private static string Describe(PhaseDefinition phase)
    {
        var required = phase.RequiredSuccesses();
        var who = phase.Processors.Count > 0
            ? $"[{Names(phase.Processors)}] ({(required == phase.Processors.Count ? $"all {required}" : $"{required} of {phase.Processors.Count}")} must succeed)"
            : $"{phase.ExpectedCount} processors ({required} must succeed)";
        if (TallyLayout.IsWide(phase))
        {
            who += " in the wide tally layout";
        }

        var deadline = phase.Deadline is { } d ? "deadline " + d.ToString("c", CultureInfo.InvariantCulture) : "no deadline";
        var expected = phase.Expected is { } e
            ? $", run keys expected at '{e.Cron}' {e.TimeZone} as {e.RunKeyFormat} from {(e.Start is { } start ? start.ToString("O", CultureInfo.InvariantCulture) : "the phase's first deployment")}"
            : string.Empty;
        return $"{phase.Name} waits for {who}, {deadline}{expected}, then {Trigger(phase)}";
    }

    /// <summary>The named processors; past the narrow layout's 50, the first three and how many (the entry stays one readable line).</summary>
    private static string Names(List<string> processors) => processors.Count <= CompletionLimits.MaxNarrowFanIn
        ? string.Join(", ", processors)
        : string.Join(", ", processors.Take(3)) + $", … ({processors.Count} named)";

    /// <summary>
    /// The phase's next-phase trigger as the startup entry and the dashboard name it: kind <c>custom</c> (the type's
    /// name), <c>topic</c>, <c>job</c>, <c>url</c>, <c>handler</c> (an in-process handler, by name) or <c>none</c>, and its target.
    /// </summary>
    public static (string Kind, string? Target) TriggerOf(PhaseDefinition phase) => phase switch
    {
        { CustomTrigger: { } custom } => ("custom", custom.GetType().Name),
        { Trigger.Topic: { Length: > 0 } topic } => ("topic", topic),
        { Trigger.Job: { Length: > 0 } job } => ("job", job),
        { Trigger.Url: { } url } => ("url", url.ToString()),
        { Trigger.Handler: { Length: > 0 } handler } => ("handler", handler),
        _ => ("none", null),
    };

    private static string Trigger(PhaseDefinition phase) => TriggerOf(phase) switch
    {
        ("none", _) => "no trigger",
        ("custom", var type) => "custom trigger " + type,
        var (kind, target) => kind + " " + target,
    };
}
