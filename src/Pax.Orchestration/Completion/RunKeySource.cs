namespace Pax.Orchestration.Completion;

/// <summary>Where a phase takes the run key of a completion from.</summary>
public enum RunKeySource
{
    /// <summary>The message's <c>runKey</c> (JSON field or attribute; the attribute wins). The default.</summary>
    Message,

    /// <summary>The UTC date of the message's publish time, <c>yyyy-MM-dd</c>, for processors that do not know the run key (a daily pipeline).</summary>
    PublishDate,
}
