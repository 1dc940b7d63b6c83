using Microsoft.Extensions.Options;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>Fills <see cref="Completion.Stores.FirestoreStoreOptions.ProjectId"/> from <c>GOOGLE_CLOUD_PROJECT</c> when unset; reads the environment through a function so tests supply their own.</summary>
internal sealed class OrchestrationEnvironmentOptionsSetup : IPostConfigureOptions<OrchestrationOptions>
{
    public const string ProjectVariable = "GOOGLE_CLOUD_PROJECT";
    private readonly Func<string, string?> _getVariable;

    public OrchestrationEnvironmentOptionsSetup()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    internal OrchestrationEnvironmentOptionsSetup(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    public void PostConfigure(string? name, OrchestrationOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Firestore.ProjectId) && _getVariable(ProjectVariable) is { Length: > 0 } project)
        {
            options.Firestore.ProjectId = project;
        }
    }
}
