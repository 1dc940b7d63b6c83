using Microsoft.Extensions.Options;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Run;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Processing.Internal;

/// <summary>Checks <see cref="ProcessorOptions"/> before the work runs; each failure names the key and its variable.</summary>
internal sealed class ProcessorOptionsValidator : IValidateOptions<ProcessorOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Name))
        {
            failures.Add($"{Describe(nameof(options.Name))} is not set: name this processor as the orchestrator's phase lists it (Pax:Orchestration:Phases:N:Processors), such as 'a'.");
        }
        else if (CompletionNames.ValidateProcessor(options.Name) is { } problem)
        {
            failures.Add($"{Describe(nameof(options.Name))}: {problem}.");
        }

        if (options.Phase is { Length: > 0 } phase && CompletionNames.ValidatePhase(phase) is { } phaseProblem)
        {
            failures.Add($"{Describe(nameof(options.Phase))}: {phaseProblem}.");
        }

        if (string.IsNullOrEmpty(options.CompletionTopic))
        {
            failures.Add($"{Describe(nameof(options.CompletionTopic))} is not set: name the orchestrator's completions topic, projects/PROJECT/topics/TOPIC.");
        }
        else if (!PubSubPublisherClient.IsTopicName(options.CompletionTopic))
        {
            failures.Add($"{Describe(nameof(options.CompletionTopic))} must be projects/PROJECT/topics/TOPIC, not '{options.CompletionTopic}'.");
        }

        if (options.Job is { Length: > 0 } job && !CloudRunJobsClient.IsJobName(job))
        {
            failures.Add($"{Describe(nameof(options.Job))} must be projects/PROJECT/locations/REGION/jobs/JOB, not '{job}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(string property) => ProcessorVariables.Describe(property);
}
