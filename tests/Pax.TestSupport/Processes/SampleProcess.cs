using System.Diagnostics;

namespace Pax.TestSupport.Processes;

/// <summary>Runs a sample as its deployment does, in its own process (<c>dotnet {dll}</c>): its variables, its exit code, what it wrote.</summary>
public static class SampleProcess
{
    /// <summary>Returns the path of a sample's Debug build (the test project references the sample, so it is built).</summary>
    public static string Dll(string sample)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pax.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(root, "samples", sample, "bin", "Debug", "net10.0", sample + ".dll");
    }

    /// <summary>
    /// Runs <paramref name="dll"/> with <paramref name="arguments"/> and <paramref name="environment"/> added to this
    /// process's variables, from the temporary folder, until it exits (killed, with its children, after
    /// <paramref name="timeout"/>); <paramref name="whileRunning"/> acts on it meanwhile (a signal, a request).
    /// </summary>
    /// <returns>The exit code, and standard output followed by standard error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken, Func<Process, Task>? whileRunning = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process).ConfigureAwait(false);
            }

            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
