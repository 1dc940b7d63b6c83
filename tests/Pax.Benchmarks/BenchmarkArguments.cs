using System.Globalization;
using Pax.TestSupport.Emulators;

namespace Pax.Benchmarks;

/// <summary>Command-line options and the store choice shared by the benchmarks.</summary>
internal static class BenchmarkArguments
{
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string Text(string[] args, string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

    /// <summary>Starts the Firestore emulator for <c>--store firestore</c> (the default); <see langword="null"/> for SQLite.</summary>
    /// <exception cref="InvalidOperationException">The emulator is not installed.</exception>
    public static async Task<GcloudEmulator?> StartStoreAsync(string store)
    {
        if (store != "firestore")
        {
            return null;
        }

        return GcloudEmulator.UnavailableReason() is { } reason
            ? throw new InvalidOperationException(reason)
            : await GcloudEmulator.StartFirestoreAsync(CancellationToken.None);
    }

    /// <summary>Stops the emulator (when one was started) and deletes a benchmark's temporary directory with its SQLite files.</summary>
    public static async Task CleanUpAsync(GcloudEmulator? emulator, string directory)
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
