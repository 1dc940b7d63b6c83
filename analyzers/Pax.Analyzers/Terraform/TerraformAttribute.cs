using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Terraform;

/// <summary>A Terraform attribute: <c>name = expression</c>.</summary>
internal sealed class TerraformAttribute
{
    /// <summary>Creates an attribute.</summary>
    public TerraformAttribute(string name, TextSpan span, TerraformExpression value)
    {
        Name = name;
        Span = span;
        Value = value;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>From the name to the end of the expression.</summary>
    public TextSpan Span { get; }

    /// <summary>The expression.</summary>
    public TerraformExpression Value { get; }
}
