using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Project;

/// <summary>What the readers find in one deployment file.</summary>
internal sealed class DeploymentFacts
{
    /// <summary>Tokens of the wrong kind, or missing (PAX001, PAX003, PAX004 on Google APIs).</summary>
    public List<TokenFinding> Findings { get; } = [];

    /// <summary>Invocations, grants and deployed targets (PAX002, PAX004 on the project's services).</summary>
    public DeploymentUnit Unit { get; } = new();

    /// <summary>The Cloud Build configs the file submits (<c>gcloud builds submit --config</c>, triggers' <c>--build-config</c>).</summary>
    public List<string> SubmittedConfigs { get; } = [];

    /// <summary>The files the file writes, with their content.</summary>
    public List<WrittenConfig> WrittenConfigs { get; } = [];
}
