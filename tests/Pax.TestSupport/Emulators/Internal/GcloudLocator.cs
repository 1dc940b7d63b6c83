namespace Pax.TestSupport.Emulators.Internal;

/// <summary>Finds the <c>gcloud</c> executable on PATH.</summary>
internal static class GcloudLocator
{
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var names = OperatingSystem.IsWindows() ? new[] { "gcloud.cmd", "gcloud.exe" } : new[] { "gcloud" };
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
