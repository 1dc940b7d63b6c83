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

    /// <summary>
    /// The longest value a variable or substitution holds (a shell variable, a Cloud Build substitution); a longer one
    /// is unknown. Values that use themselves (<c>A="$A$A"</c> line after line) would otherwise double on every line.
    /// Real values are a URL or a list of flags.
    /// </summary>
    public const int MaxValueLength = 64 * 1024;
}
