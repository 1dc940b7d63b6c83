using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.Scripts;

namespace Pax.Analyzers.Project;

/// <summary>Which AdditionalFiles are deployment files, and of what kind.</summary>
internal static class DeploymentFiles
{
    /// <summary>
    /// The item metadata that declares a file's kind (<c>&lt;AdditionalFiles Include="ci/release.yaml" PaxFileKind="CloudBuild" /&gt;</c>;
    /// the package's props make it visible to the compiler): <c>GitHubActions</c>, <c>CloudBuild</c> or <c>Shell</c>.
    /// </summary>
    public const string KindMetadata = "build_metadata.AdditionalFiles.PaxFileKind";

    /// <summary>The kind of <paramref name="file"/>: declared by its <c>PaxFileKind</c> metadata, or told by its path.</summary>
    public static DeploymentFileKind KindOf(AdditionalText file, AnalyzerOptions options)
    {
        var kind = KindOf(file.Path);
        if (kind is DeploymentFileKind.None or DeploymentFileKind.CloudBuild or DeploymentFileKind.GitHubWorkflow
            && options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(KindMetadata, out var declared))
        {
            kind = Declared(declared) ?? kind;
        }

        return kind;
    }

    /// <summary>
    /// The kind <paramref name="path"/> tells: <c>*.sh</c>, <c>*.bash</c>, Dockerfiles, <c>*.tf</c>, <c>*.yml</c>/<c>*.yaml</c>
    /// directly in a <c>.github/workflows</c> folder, and <c>cloudbuild*.yaml</c>/<c>cloudbuild*.yml</c>. Any other YAML
    /// (Kubernetes, Knative or Config Connector manifests, …) is not read.
    /// </summary>
    public static DeploymentFileKind KindOf(string path)
    {
        if (path.EndsWith(".sh", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bash", StringComparison.OrdinalIgnoreCase))
        {
            return DeploymentFileKind.Script;
        }

        if (path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))
        {
            return DeploymentFileKind.Terraform;
        }

        if (DockerfileShellText.IsDockerfile(path))
        {
            return DeploymentFileKind.Dockerfile;
        }

        if (!path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            return DeploymentFileKind.None;
        }

        var normalized = "/" + path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        if (normalized.Substring(0, slash).EndsWith("/.github/workflows", StringComparison.Ordinal))
        {
            return DeploymentFileKind.GitHubWorkflow;
        }

        return normalized.Substring(slash + 1).StartsWith("cloudbuild", StringComparison.OrdinalIgnoreCase)
            ? DeploymentFileKind.CloudBuild
            : DeploymentFileKind.None;
    }

    /// <summary>Whether the gcloud-script analyzer reads files of <paramref name="kind"/> (scripts and CI files).</summary>
    public static bool IsScriptOrPipeline(DeploymentFileKind kind) =>
        kind is DeploymentFileKind.Script or DeploymentFileKind.Dockerfile or DeploymentFileKind.GitHubWorkflow or DeploymentFileKind.CloudBuild;

    private static DeploymentFileKind? Declared(string value) => value.Trim().ToUpperInvariant() switch
    {
        "GITHUBACTIONS" => DeploymentFileKind.GitHubWorkflow,
        "CLOUDBUILD" => DeploymentFileKind.CloudBuild,
        "SHELL" => DeploymentFileKind.Script,
        _ => null,
    };
}
