using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Pax.TestSupport.Emulators;
using Pax.TestSupport.Emulators.Internal;

namespace Pax.GoogleCloud.Tests.TestSupport;

/// <summary>
/// Nothing of an emulator outlives whoever started it: not after the fixture is disposed, not after the test host (or
/// benchmark) is killed. gcloud's Java child used to survive both, orphaned with parent 1.
/// </summary>
public sealed class GcloudEmulatorCleanupTests
{
    // The host: opens the emulator's stdin pipe (a FIFO) for writing, then becomes `sleep` holding it, as a test host would.
    private const string HostScript = """
        fifo=$(mktemp -u) && mkfifo "$fifo" || exit 1
        "$@" < "$fifo" > /dev/null 2>&1 &
        exec 5> "$fifo"
        rm -f "$fifo"
        exec sleep 300
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disposing_the_shared_emulators_leaves_no_emulator_process_alive_java_included()
    {
        SkipUnlessSupported();
        var emulators = new SharedEmulators();
        int[] ports;
        try
        {
            ports = [(await emulators.FirestoreAsync()).Port, (await emulators.PubSubAsync()).Port];
            Assert.All(ports, port => Assert.Contains(ProcessesMentioning(port), p => p.CommandLine.StartsWith("java ", StringComparison.Ordinal)));
        }
        finally
        {
            await emulators.DisposeAsync();
        }

        Assert.All(ports, port => Assert.Empty(ProcessesMentioning(port)));
    }

    [Fact]
    public async Task An_emulator_whose_starting_process_is_killed_with_SIGKILL_stops_with_it()
    {
        SkipUnlessSupported();
        var port = FreePort();
        var launch = EmulatorProcessGroup.StartInfo(GcloudLocator.Find()!, ["emulators", "firestore", "start", $"--host-port=127.0.0.1:{port}"]);
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", HostScript, "host", launch.FileName }.Concat(launch.ArgumentList))
        {
            start.ArgumentList.Add(argument);
        }

        using var host = Process.Start(start)!;
        try
        {
            Assert.True(await IsAnsweringWithinAsync(port, TimeSpan.FromSeconds(90)), $"The emulator on port {port} did not answer within 90 s.");
            Assert.Contains(ProcessesMentioning(port), p => p.CommandLine.StartsWith("java ", StringComparison.Ordinal));

            host.Kill(); // SIGKILL to the host alone: no clean-up code of ours runs
            await host.WaitForExitAsync(Ct);
            await PollAsync(() => Task.FromResult(ProcessesMentioning(port).Count == 0), TimeSpan.FromSeconds(30));

            Assert.Empty(ProcessesMentioning(port));
        }
        finally
        {
            // Whatever a failed run left behind (these processes name this test's port).
            foreach (var (pid, _) in ProcessesMentioning(port))
            {
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill();
            }
        }
    }

    private static void SkipUnlessSupported()
    {
        if (GcloudEmulator.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        if (!EmulatorProcessGroup.IsSupported)
        {
            Assert.Skip("Emulators run in a process group of their own only on Linux with setsid; elsewhere disposing kills the process tree.");
        }
    }

    /// <summary>Live processes whose command line names <paramref name="port"/> (gcloud's <c>--host-port=127.0.0.1:PORT</c>, the script's and Java's <c>--port=PORT</c>).</summary>
    private static List<(int Pid, string CommandLine)> ProcessesMentioning(int port)
    {
        var marks = new[] { $"127.0.0.1:{port}", $"--port={port}" };
        var found = new List<(int, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (IOException)
            {
                continue; // exited meanwhile
            }

            // A zombie's command line is empty: it is dead, only not reaped yet.
            if (marks.Any(mark => commandLine.Contains(mark, StringComparison.Ordinal)))
            {
                found.Add((pid, commandLine));
            }
        }

        return found;
    }

    private static async Task<bool> IsAnsweringWithinAsync(int port, TimeSpan limit)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(2) };
        return await PollAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"), Ct);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !Ct.IsCancellationRequested)
            {
                return false;
            }
        }, limit);
    }

    /// <summary>Probes every 100 ms until <paramref name="probe"/> holds (<see langword="true"/>) or <paramref name="limit"/> passes (<see langword="false"/>).</summary>
    private static async Task<bool> PollAsync(Func<Task<bool>> probe, TimeSpan limit)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(limit);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await probe())
        {
            if (!await poll.WaitForNextTickAsync(deadline.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
            {
                return false;
            }
        }

        return true;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
