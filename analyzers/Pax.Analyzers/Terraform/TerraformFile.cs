using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Terraform;

/// <summary>The top-level blocks of one <c>.tf</c> file.</summary>
internal sealed class TerraformFile
{
    /// <summary>Creates a file model.</summary>
    public TerraformFile(IReadOnlyList<TerraformBlock> blocks, string? failure = null, IReadOnlyList<TerraformAttribute>? attributes = null)
    {
        Blocks = blocks;
        Failure = failure;
        Attributes = attributes ?? [];
    }

    /// <summary>The top-level attributes (what a <c>.tfvars</c> file holds).</summary>
    public IReadOnlyList<TerraformAttribute> Attributes { get; }

    /// <summary>The top-level blocks (<c>resource</c>, <c>data</c>, <c>variable</c>, <c>locals</c>, …).</summary>
    public IReadOnlyList<TerraformBlock> Blocks { get; }

    /// <summary>Why reading stopped early, or <see langword="null"/> when the whole file was read.</summary>
    public string? Failure { get; }

    /// <summary>
    /// The end of the longest block or attribute that starts within <paramref name="line"/> (at any depth), or the line's
    /// end when none does: what a <c># pax-ignore:</c> before that line covers.
    /// </summary>
    public int ConstructEnd(TextSpan line) => ConstructEnd(Blocks, Attributes, line, line.End);

    private static int ConstructEnd(IReadOnlyList<TerraformBlock> blocks, IReadOnlyList<TerraformAttribute> attributes, TextSpan line, int end)
    {
        foreach (var attribute in attributes)
        {
            if (line.Start <= attribute.Span.Start && attribute.Span.Start < line.End)
            {
                end = Math.Max(end, attribute.Span.End);
            }
        }

        foreach (var block in blocks)
        {
            if (block.Span.Start >= line.End)
            {
                break;
            }

            if (line.Start <= block.Span.Start)
            {
                end = Math.Max(end, block.End);
            }

            if (block.End > line.Start)
            {
                end = ConstructEnd(block.Blocks, block.Attributes, line, end);
            }
        }

        return end;
    }
}
