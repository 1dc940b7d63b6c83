using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>Fills <see cref="Stores.SchedulingFirestoreOptions.ProjectId"/> from <c>GOOGLE_CLOUD_PROJECT</c> when unset.</summary>
internal sealed class SchedulingEnvironmentOptionsSetup : IPostConfigureOptions<SchedulingOptions>
{
    private readonly Func<string, string?> _getVariable;

    public SchedulingEnvironmentOptionsSetup()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    internal SchedulingEnvironmentOptionsSetup(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    public void PostConfigure(string? name, SchedulingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Firestore.ProjectId) && _getVariable(OrchestrationEnvironmentOptionsSetup.ProjectVariable) is { Length: > 0 } project)
        {
            options.Firestore.ProjectId = project;
        }
    }
}
