namespace Pax.Analyzers.Project;

/// <summary>The kinds of deployment file the analyzers read.</summary>
internal enum DeploymentFileKind
{
    /// <summary>Not a deployment file.</summary>
    None,

    /// <summary>A shell script (<c>*.sh</c>, <c>*.bash</c>).</summary>
    Script,

    /// <summary>A Dockerfile: its <c>RUN</c> instructions.</summary>
    Dockerfile,

    /// <summary>A GitHub Actions workflow (<c>.github/workflows/*.yml</c>).</summary>
    GitHubWorkflow,

    /// <summary>A Cloud Build config (<c>cloudbuild*.yaml</c>).</summary>
    CloudBuild,

    /// <summary>A Terraform file (<c>*.tf</c>).</summary>
    Terraform,
}
