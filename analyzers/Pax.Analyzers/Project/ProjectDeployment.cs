using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Pipelines;
using Pax.Analyzers.Suppression;
using Pax.Analyzers.Yaml;

namespace Pax.Analyzers.Project;

/// <summary>
/// The project's scripts and CI files as one deployment: grants, public deploys and deployed targets found in any of
/// them count for the invocations in any other, and the Cloud Build configs a script writes are read when any file of
/// the project submits them.
/// </summary>
internal sealed class ProjectDeployment
{
    private readonly Dictionary<string, InlineSuppressions> _suppressions = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _configFindings = [];

    private ProjectDeployment()
    {
    }

    /// <summary>Everything the files configure.</summary>
    public DeploymentUnit Unit { get; } = new();

    /// <summary>Findings in the configs scripts write (PAX001, PAX003, PAX004 on Google APIs), suppressions applied.</summary>
    public IReadOnlyList<Diagnostic> ConfigFindings => _configFindings;

    /// <summary>Reads every script and CI file of <paramref name="files"/>.</summary>
    public static ProjectDeployment Read(IEnumerable<AdditionalText> files, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var read = new List<DeploymentFile>();
        foreach (var file in files)
        {
            var kind = DeploymentFiles.KindOf(file, options);
            if (DeploymentFiles.IsScriptOrPipeline(kind) && file.GetText(cancellationToken) is { } text
                && DeploymentFileReader.Read(file.Path, kind, text) is { } deploymentFile)
            {
                read.Add(deploymentFile);
            }
        }

        return From(read);
    }

    /// <summary>
    /// The deployment <paramref name="files"/> make together, read in the order of their paths: the same whatever order
    /// the compiler handed them over in.
    /// </summary>
    public static ProjectDeployment From(IEnumerable<DeploymentFile> files)
    {
        var project = new ProjectDeployment();
        var list = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var submitted = new HashSet<string>(list.SelectMany(f => f.Facts.SubmittedConfigs), StringComparer.Ordinal);
        foreach (var file in list)
        {
            project._suppressions[file.Path] = file.Suppressions;
            project.Unit.AddRange(file.Facts.Unit);
            foreach (var config in file.Facts.WrittenConfigs)
            {
                if (submitted.Contains(config.Path))
                {
                    project.ReadConfig(file, config);
                }
            }
        }

        return project;
    }

    /// <summary>The PAX002 and PAX004 diagnostics of the project, suppressions applied.</summary>
    public IEnumerable<Diagnostic> UnitDiagnostics() => Unit.Diagnostics().Where(d => !IsSuppressed(d));

    private void ReadConfig(DeploymentFile writer, WrittenConfig config)
    {
        var facts = new DeploymentFacts();
        var content = config.Content;
        CloudBuildReader.Read(YamlReader.Read(content.Text), span => writer.Locate(content.ToSource(span)), facts, constructs: null);
        _configFindings.AddRange(facts.Findings.Select(f => f.ToDiagnostic(atCompilationEnd: true)).Where(d => !writer.Suppressions.IsSuppressed(d)));
        Unit.AddRange(facts.Unit);
    }

    private bool IsSuppressed(Diagnostic diagnostic) =>
        _suppressions.TryGetValue(diagnostic.Location.GetLineSpan().Path ?? string.Empty, out var suppressions) && suppressions.IsSuppressed(diagnostic);
}
