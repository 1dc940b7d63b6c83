using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>One <c>--flag</c> of a gcloud command, with its value (after <c>=</c> or as the next word).</summary>
internal sealed class GcloudFlag
{
    /// <summary>Creates a flag.</summary>
    public GcloudFlag(string name, string? value, TextSpan span)
    {
        Name = name;
        Value = value;
        Span = span;
    }

    /// <summary>The name without dashes, e.g. <c>oidc-service-account-email</c>.</summary>
    public string Name { get; }

    /// <summary>The value, or <see langword="null"/> for a flag without one.</summary>
    public string? Value { get; }

    /// <summary>Where the flag (and its value) is written.</summary>
    public TextSpan Span { get; }
}
