using Microsoft.CodeAnalysis;

namespace Pax.Analyzers.Deployment;

/// <summary>A token of the wrong kind for its target (PAX001, PAX003) or none at all (PAX004), found in a script or Terraform file.</summary>
internal sealed class TokenFinding
{
    /// <summary>Creates a finding.</summary>
    public TokenFinding(DiagnosticDescriptor rule, Location location, string target, string? reason = null)
    {
        Rule = rule;
        Location = location;
        Target = target;
        Reason = reason;
    }

    /// <summary>The second message argument (PAX004), or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>PAX001, PAX003 or PAX004.</summary>
    public DiagnosticDescriptor Rule { get; }

    /// <summary>Where the token is configured.</summary>
    public Location Location { get; }

    /// <summary>The target as written.</summary>
    public string Target { get; }

    /// <summary>The diagnostic to report; <paramref name="atCompilationEnd"/> when reported from a compilation end action.</summary>
    public Diagnostic ToDiagnostic(bool atCompilationEnd = false)
    {
        var rule = atCompilationEnd ? RuleDescriptors.AtCompilationEnd(Rule) : Rule;
        return Reason is null ? Diagnostic.Create(rule, Location, Target) : Diagnostic.Create(rule, Location, Target, Reason);
    }
}
