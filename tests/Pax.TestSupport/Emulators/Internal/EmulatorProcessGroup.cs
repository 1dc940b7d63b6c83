using System.Diagnostics;
using System.Globalization;

namespace Pax.TestSupport.Emulators.Internal;

/// <summary>
/// Runs an emulator in a session (and process group) of its own, with a watchdog that kills the whole group when the
/// starting process lets go of the emulator's stdin pipe — by closing it (<see cref="GcloudEmulator.DisposeAsync"/>) or
/// by dying, even of SIGKILL, since the kernel closes a dead process's descriptors.
/// </summary>
/// <remarks>
/// Why a group: <c>gcloud</c> (Python) starts a bash script that starts Java without <c>exec</c>, and stops only its
/// direct child on the way out, so the Java process outlived <c>Process.Kill(entireProcessTree: true)</c> and every
/// test host that was killed (seen: Java processes with parent 1 after benchmark and test runs). Everything gcloud
/// starts stays in its process group, and <c>kill -s KILL 0</c> from inside the group reaches all of it, Java included.
/// <c>setsid</c> makes the group: gcloud, as a session leader, keeps it (otherwise it moves itself into a new group,
/// away from the watchdog).
/// Why a pipe and not a parent-death signal: <c>PR_SET_PDEATHSIG</c> reaches one child, not its grandchildren, and
/// .NET cannot set it between fork and exec; a pipe's end closes however the holder ends. The watchdog is
/// <c>sh</c>'s <c>read</c> on a copy of stdin (fd 3), so nothing but <c>setsid</c> and <c>sh</c> is needed.
/// </remarks>
internal static class EmulatorProcessGroup
{
    // $0 is the program, "$@" its arguments. fd 3 keeps the pipe for the watchdog (a background job's own stdin is
    // /dev/null in a shell without job control); the program gets neither.
    private const string Watchdog = "exec 3<&0; (read -r line <&3; kill -s KILL 0) & exec \"$0\" \"$@\" 3<&- </dev/null";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Gets a value indicating whether emulators can run in a group of their own here (Linux with <c>setsid</c>).</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && GcloudLocator.FindOnPath("setsid") is not null;

    /// <summary>Returns the start of <paramref name="program"/> with <paramref name="arguments"/> in a session of its own, stdin redirected: the watchdog's pipe.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(GcloudLocator.FindOnPath("setsid")!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "sh", "-c", Watchdog, program }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// Stops the group led by <paramref name="process"/> (started with <see cref="StartInfo"/>): closes the pipe (the
    /// watchdog kills the group) and waits until no live process is left in it; if some are, kills the group directly.
    /// </summary>
    /// <exception cref="InvalidOperationException">Processes of the group are still alive after both.</exception>
    public static async Task StopAsync(Process process)
    {
        var group = process.Id;
        process.StandardInput.Close();
        if (await WaitUntilEmptyAsync(group).ConfigureAwait(false))
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-s", "KILL", "--", "-" + group.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync().ConfigureAwait(false);
        }

        if (!await WaitUntilEmptyAsync(group).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"Emulator processes {string.Join(", ", Members(group))} (process group {group}) are still alive {2 * StopTimeout.TotalSeconds} s after SIGKILL.");
        }
    }

    /// <summary>Returns the live (not zombie) processes of process group <paramref name="group"/>, from <c>/proc/*/stat</c>.</summary>
    public static IReadOnlyList<int> Members(int group)
    {
        var members = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(directory) is { } stat && stat.Group == group && stat.State != 'Z' && stat.State != 'X')
            {
                members.Add(pid);
            }
        }

        return members;
    }

    private static async Task<bool> WaitUntilEmptyAsync(int group)
    {
        using var deadline = new CancellationTokenSource(StopTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (Members(group).Count > 0)
        {
            try
            {
                await poll.WaitForNextTickAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    // proc(5): "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses, so read after the last ')'.
    private static (char State, int Group)? Stat(string directory)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (IOException)
        {
            return null; // gone meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var fields = text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 2 && int.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var group)
            ? (fields[0][0], group)
            : null;
    }
}
