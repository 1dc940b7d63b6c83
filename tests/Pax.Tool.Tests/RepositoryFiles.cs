namespace Pax.Tool.Tests;

/// <summary>The repository the tests run from: its root is the folder above the test's that holds <c>Pax.sln</c>.</summary>
internal static class RepositoryFiles
{
    /// <summary>Gets the repository's root folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pax.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
    }
}
