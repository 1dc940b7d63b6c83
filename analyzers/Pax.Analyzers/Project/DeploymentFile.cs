using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Suppression;

namespace Pax.Analyzers.Project;

/// <summary>One deployment file as read: what it holds and how its findings are placed and suppressed.</summary>
internal sealed class DeploymentFile
{
    /// <summary>Creates a read file.</summary>
    public DeploymentFile(string path, DeploymentFacts facts, InlineSuppressions suppressions, Func<TextSpan, Location> locate)
    {
        Path = path;
        Facts = facts;
        Suppressions = suppressions;
        Locate = locate;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>What the file holds.</summary>
    public DeploymentFacts Facts { get; }

    /// <summary>Its <c># pax-ignore</c> directives.</summary>
    public InlineSuppressions Suppressions { get; }

    /// <summary>The location of a span of the file.</summary>
    public Func<TextSpan, Location> Locate { get; }
}
