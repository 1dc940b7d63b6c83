using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Yaml;

/// <summary>The first document of a YAML file, as far as it could be read.</summary>
internal sealed class YamlDocument
{
    /// <summary>Creates a document.</summary>
    public YamlDocument(YamlNode? root, IReadOnlyList<TextSpan> constructs, string? failure)
    {
        Root = root;
        Constructs = constructs;
        Failure = failure;
    }

    /// <summary>The root node, or <see langword="null"/> for an empty document or one that could not be read.</summary>
    public YamlNode? Root { get; }

    /// <summary>
    /// Every mapping entry (from its key to the end of its value) and sequence item (from its <c>-</c> to its end): what
    /// a <c># pax-ignore:</c> comment before its first line covers.
    /// </summary>
    public IReadOnlyList<TextSpan> Constructs { get; }

    /// <summary>Why reading stopped, or <see langword="null"/> when it did not.</summary>
    public string? Failure { get; }
}
