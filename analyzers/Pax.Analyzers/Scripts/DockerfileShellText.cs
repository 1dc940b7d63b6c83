using System.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// The shell commands of a Dockerfile: the shell form of every <c>RUN</c> instruction, everything else blanked, so
/// offsets (and so lines and columns) stay those of the Dockerfile.
/// </summary>
internal static class DockerfileShellText
{
    /// <summary>Whether <paramref name="path"/> names a Dockerfile (<c>Dockerfile</c>, <c>Dockerfile.*</c>, <c>*.Dockerfile</c>).</summary>
    public static bool IsDockerfile(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Dockerfile with every character that is not part of a shell-form <c>RUN</c> replaced by a space.</summary>
    public static string Extract(string dockerfile)
    {
        var result = new StringBuilder(dockerfile.Length);
        var inRun = false;
        var continued = false;
        var lineStart = 0;
        while (lineStart < dockerfile.Length)
        {
            var newline = dockerfile.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? dockerfile.Length : newline;
            var line = dockerfile.Substring(lineStart, lineEnd - lineStart);
            var trimmed = line.TrimStart();
            var keep = continued ? inRun : false;
            var keywordEnd = 0;
            if (!continued && trimmed.Length > 0 && trimmed[0] != '#')
            {
                inRun = trimmed.StartsWith("RUN ", StringComparison.OrdinalIgnoreCase) && !trimmed.Substring(4).TrimStart().StartsWith("[", StringComparison.Ordinal);
                keep = inRun;
                keywordEnd = line.Length - trimmed.Length + 3;
            }

            for (var i = 0; i < line.Length; i++)
            {
                result.Append(keep && i >= keywordEnd ? line[i] : (line[i] == '\r' ? '\r' : ' '));
            }

            if (newline >= 0)
            {
                result.Append('\n');
            }

            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                continued = line.TrimEnd().EndsWith("\\", StringComparison.Ordinal);
            }

            lineStart = lineEnd + 1;
        }

        return result.ToString();
    }
}
