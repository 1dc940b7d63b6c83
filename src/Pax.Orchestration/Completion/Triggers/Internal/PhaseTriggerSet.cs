using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Run;

namespace Pax.Orchestration.Completion.Triggers.Internal;

/// <summary>Each phase's trigger, built on first use (a next-phase handler is resolved once, so it lives as long as the container) from <see cref="PhaseDefinition.CustomTrigger"/> or <see cref="PhaseDefinition.Trigger"/>.</summary>
internal sealed class PhaseTriggerSet
{
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<string, IPhaseTrigger> _triggers = new(StringComparer.Ordinal);

    public PhaseTriggerSet(IServiceProvider services)
    {
        _services = services;
    }

    public IPhaseTrigger Get(PhaseDefinition phase) => _triggers.GetOrAdd(phase.Name, _ => Create(phase));

    private IPhaseTrigger Create(PhaseDefinition phase)
    {
        if (phase.CustomTrigger is { } custom)
        {
            return custom;
        }

        var options = phase.Trigger;
        if (!string.IsNullOrWhiteSpace(options.Topic))
        {
            return new PubSubTopicTrigger(_services.GetRequiredService<PubSubPublisherClient>(), options.Topic);
        }

        if (!string.IsNullOrWhiteSpace(options.Job))
        {
            return new CloudRunJobTrigger(_services.GetRequiredService<CloudRunJobsClient>(), options.Job, _services.GetService<ILogger<CloudRunJobTrigger>>());
        }

        if (!string.IsNullOrWhiteSpace(options.Handler))
        {
            return new InProcessPhaseTrigger(_services.GetRequiredKeyedService<INextPhaseHandler>(options.Handler));
        }

        if (options.Url is { } url)
        {
            return new HttpEndpointTrigger(_services.GetRequiredService<IHttpClientFactory>(), _services.GetRequiredService<IGoogleIdTokenProvider>(), url, options.Audience);
        }

        throw new InvalidOperationException($"Phase '{phase.Name}' has no trigger: set {OrchestrationOptions.SectionName}:Phases:N:Trigger:Topic, :Job, :Url or :Handler.");
    }
}
