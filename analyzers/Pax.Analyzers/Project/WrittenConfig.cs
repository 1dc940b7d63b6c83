using Pax.Analyzers.Text;

namespace Pax.Analyzers.Project;

/// <summary>
/// A file a script writes (a heredoc through <c>cat</c> or <c>tee</c>, <c>echo</c>/<c>printf</c> redirected to it) with
/// the content it writes, mapped to the script: read as a Cloud Build config when the project submits it.
/// </summary>
internal sealed class WrittenConfig
{
    /// <summary>Creates a written file.</summary>
    public WrittenConfig(string path, MappedText content)
    {
        Path = NormalizePath(path);
        Content = content;
    }

    /// <summary>The path as the script writes it (see <see cref="NormalizePath"/>).</summary>
    public string Path { get; }

    /// <summary>The content, mapped to the script that writes it.</summary>
    public MappedText Content { get; }

    /// <summary>
    /// A path as scripts write it, compared as text: trimmed, without a leading <c>./</c>, with <c>/</c> separators.
    /// Two paths with the same unknown part (<c>$TMP/cloudbuild.yaml</c>) compare equal.
    /// </summary>
    public static string NormalizePath(string path)
    {
        var normalized = path.Trim().Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(2);
        }

        return normalized;
    }
}
