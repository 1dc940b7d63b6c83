namespace Pax.TestSupport.Emulators.Internal;

/// <summary>Finds the <c>gcloud</c> executable (and the tools the emulators are run with) on PATH.</summary>
internal static class GcloudLocator
{
    public static string? Find() => OperatingSystem.IsWindows() ? FindOnPath("gcloud.cmd", "gcloud.exe") : FindOnPath("gcloud");

    public static string? FindOnPath(params string[] names)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
