using Microsoft.CodeAnalysis;

namespace Pax.Analyzers.Deployment;

/// <summary>A token of the wrong kind for its target (PAX001 or PAX003), found in a script or Terraform file.</summary>
internal sealed class TokenFinding
{
    /// <summary>Creates a finding.</summary>
    public TokenFinding(DiagnosticDescriptor rule, Location location, string target)
    {
        Rule = rule;
        Location = location;
        Target = target;
    }

    /// <summary>PAX001 or PAX003.</summary>
    public DiagnosticDescriptor Rule { get; }

    /// <summary>Where the token is configured.</summary>
    public Location Location { get; }

    /// <summary>The target as written.</summary>
    public string Target { get; }

    /// <summary>The diagnostic to report.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Rule, Location, Target);
}
