namespace Pax.PackageTests.Support;

/// <summary>The repository README's sections and fenced <c>bash</c> blocks, read as a user copies them.</summary>
public static class ReadmeText
{
    /// <summary>Gets the README's text.</summary>
    public static string Text { get; } = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");

    /// <summary>The text of the level-2 section <paramref name="heading"/> (without the heading), up to the next one.</summary>
    public static string Section(string heading)
    {
        var start = Text.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no section '## {heading}'");
        start = Text.IndexOf('\n', start + 1) + 1;
        var end = Text.IndexOf("\n## ", start, StringComparison.Ordinal);
        return end < 0 ? Text[start..] : Text[start..end];
    }

    /// <summary>The fenced <c>```bash</c> blocks of <paramref name="section"/>, each as its lines.</summary>
    public static IReadOnlyList<string[]> BashBlocks(string section)
    {
        var blocks = new List<string[]>();
        var lines = section.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "```bash")
            {
                continue;
            }

            var end = Array.IndexOf(lines, "```", i + 1);
            Assert.True(end > i, "an unclosed ```bash block in the README");
            blocks.Add(lines[(i + 1)..end]);
            i = end;
        }

        return blocks;
    }

    /// <summary>A shell line without its trailing comment (<c>  # …</c>), as the shell runs it.</summary>
    public static string Command(string line)
    {
        var comment = line.IndexOf("  #", StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).TrimEnd();
    }
}
