namespace Pax.Analyzers.Terraform;

/// <summary>The top-level blocks of one <c>.tf</c> file.</summary>
internal sealed class TerraformFile
{
    /// <summary>Creates a file model.</summary>
    public TerraformFile(IReadOnlyList<TerraformBlock> blocks, string? failure = null)
    {
        Blocks = blocks;
        Failure = failure;
    }

    /// <summary>The top-level blocks (<c>resource</c>, <c>data</c>, <c>variable</c>, <c>locals</c>, …).</summary>
    public IReadOnlyList<TerraformBlock> Blocks { get; }

    /// <summary>Why reading stopped early, or <see langword="null"/> when the whole file was read.</summary>
    public string? Failure { get; }
}
