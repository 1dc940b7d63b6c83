namespace Pax.Collection.Sinks.Internal;

/// <summary>Checks run-artifact names (such as <c>report.json</c>) for both sinks: a plain file name, nothing that could leave the slot folder.</summary>
internal static class ArtifactName
{
    public static string Check(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName is "." or ".." || fileName.Any(char.IsControl))
        {
            throw new ArgumentException($"Artifact name '{fileName}' must be a plain file name.", nameof(fileName));
        }

        return fileName;
    }
}
