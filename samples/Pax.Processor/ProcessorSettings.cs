namespace Pax.Processor;

/// <summary>The processor's settings, read from environment variables (see Program.cs).</summary>
/// <param name="RunKey">The run key to process (<c>PAX_RUN_KEY</c>).</param>
/// <param name="CompletionTopic">The topic completions are reported to (<c>PAX_COMPLETION_TOPIC</c>).</param>
/// <param name="Phase">The phase named in the report (<c>PAX_COMPLETION_PHASE</c>), or null.</param>
/// <param name="Processor">This processor's name (<c>PAX_PROCESSOR</c>, default <c>processor/{CLOUD_RUN_TASK_INDEX}</c>).</param>
/// <param name="Error">What is wrong with the settings, or null.</param>
internal sealed record ProcessorSettings(string RunKey, string CompletionTopic, string? Phase, string Processor, string? Error)
{
    public static ProcessorSettings FromEnvironment(Func<string, string?> variable)
    {
        var runKey = variable("PAX_RUN_KEY") ?? string.Empty;
        var topic = variable("PAX_COMPLETION_TOPIC") ?? string.Empty;
        var phase = variable("PAX_COMPLETION_PHASE") is { Length: > 0 } p ? p : null;
        var processor = variable("PAX_PROCESSOR") is { Length: > 0 } name ? name : "processor/" + (variable("CLOUD_RUN_TASK_INDEX") ?? "0");
        string? error = null;
        if (runKey.Length == 0)
        {
            error = "PAX_RUN_KEY is not set: name the run key to process (a Pax.Orchestration job trigger sets it).";
        }
        else if (!topic.StartsWith("projects/", StringComparison.Ordinal) || !topic.Contains("/topics/", StringComparison.Ordinal))
        {
            error = $"PAX_COMPLETION_TOPIC must be projects/PROJECT/topics/TOPIC, not '{topic}'.";
        }

        return new ProcessorSettings(runKey, topic, phase, processor, error);
    }
}
