namespace Pax.Analyzers.Text;

/// <summary>
/// Bounds shared by the readers of deployment files. A reader runs inside the compiler, where a stack overflow ends the
/// build with "Stack overflow." and no diagnostic; so no reader recurses once per level of its input without a bound.
/// </summary>
internal static class ReadLimits
{
    /// <summary>
    /// How deeply nested a construct is read (YAML collections, Terraform blocks and interpolations, shell parameter
    /// defaults); what lies deeper is unknown. Real files nest a dozen levels at most.
    /// </summary>
    public const int MaxNesting = 256;
}
