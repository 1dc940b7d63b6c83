namespace Pax.Orchestration.Stores.Internal;

/// <summary>
/// The full path of a SQLite store's database, with its folder created; a folder that cannot be created stops the
/// start with the configuration key and the path, not with the file system's bare "Could not find a part of the path".
/// </summary>
internal static class SqliteDatabasePath
{
    /// <summary>Returns the database's full path after creating its folder.</summary>
    /// <param name="configured">The configured path (relative to the working folder).</param>
    /// <param name="key">Its configuration key, such as <c>Pax:Orchestration:Sqlite:Path</c>.</param>
    /// <returns>The full path.</returns>
    public static string Prepare(string configured, string key)
    {
        var path = Path.GetFullPath(configured);
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{key} = '{configured}': the SQLite database's folder {folder} cannot be created ({ex.Message}); set {key} to a writable path.", ex);
        }
    }
}
