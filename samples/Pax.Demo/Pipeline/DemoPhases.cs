namespace Pax.Demo.Pipeline;

/// <summary>The demo pipeline's names: two phases, each started by an in-process next-phase handler.</summary>
public static class DemoPhases
{
    /// <summary>Phase 1: the collector Job's tasks (<c>collector/0</c>, <c>collector/1</c>) report here; it starts <see cref="ContactSheetHandler"/>.</summary>
    public const string Collect = "collect";

    /// <summary>Phase 2: the contact sheet's processor reports here; it starts <see cref="SlotReadyHandler"/>.</summary>
    public const string ContactSheet = "contact-sheet";

    /// <summary>The next-phase handler started when <see cref="Collect"/> is complete.</summary>
    public const string ContactSheetHandler = "contact-sheet";

    /// <summary>The next-phase handler started when <see cref="ContactSheet"/> is complete.</summary>
    public const string SlotReadyHandler = "slot-ready";

    /// <summary>The completions topic the processors name. It is only a name here: the in-process transport never reaches Pub/Sub.</summary>
    public const string CompletionTopic = "projects/pax-demo/topics/completions";

    /// <summary>How many tasks the collector Job runs.</summary>
    public const int CollectorTasks = 2;

    /// <summary>The contact sheet's file name, written beside the slot's reports.</summary>
    public const string ContactSheetFile = "index.html";
}
