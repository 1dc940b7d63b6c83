using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Terraform;

/// <summary>A Terraform block: <c>type "label" … { attributes and blocks }</c>.</summary>
internal sealed class TerraformBlock
{
    /// <summary>Creates a block.</summary>
    public TerraformBlock(string type, IReadOnlyList<string> labels, TextSpan span)
    {
        Type = type;
        Labels = labels;
        Span = span;
    }

    /// <summary>The block type (<c>resource</c>, <c>http_target</c>, …).</summary>
    public string Type { get; }

    /// <summary>The labels (<c>"google_cloud_scheduler_job" "tick"</c>).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The block header: type and labels.</summary>
    public TextSpan Span { get; }

    /// <summary>Where the block ends: just past its closing brace (or the end of the file when it is missing).</summary>
    public int End { get; set; }

    /// <summary>The attributes, in order.</summary>
    public List<TerraformAttribute> Attributes { get; } = [];

    /// <summary>The nested blocks, in order.</summary>
    public List<TerraformBlock> Blocks { get; } = [];

    /// <summary>The label at <paramref name="index"/>, or <see langword="null"/>.</summary>
    public string? Label(int index) => index < Labels.Count ? Labels[index] : null;

    /// <summary>The attribute named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public TerraformAttribute? Attribute(string name) => Attributes.FirstOrDefault(attribute => attribute.Name == name);

    /// <summary>
    /// The nested blocks of <paramref name="type"/>, including the <c>content</c> of <c>dynamic "type"</c> blocks
    /// (reported at the dynamic block).
    /// </summary>
    public IEnumerable<TerraformBlock> BlocksOf(string type)
    {
        foreach (var block in Blocks)
        {
            if (block.Type == type)
            {
                yield return block;
            }
            else if (block.Type == "dynamic" && block.Label(0) == type && block.Blocks.FirstOrDefault(b => b.Type == "content") is { } content)
            {
                var projected = new TerraformBlock(type, [], block.Span);
                projected.Attributes.AddRange(content.Attributes);
                projected.Blocks.AddRange(content.Blocks);
                yield return projected;
            }
        }
    }

    /// <summary>The first nested block of <paramref name="type"/>, or <see langword="null"/>.</summary>
    public TerraformBlock? BlockOf(string type) => BlocksOf(type).FirstOrDefault();
}
