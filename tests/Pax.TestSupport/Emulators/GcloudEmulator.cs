using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pax.TestSupport.Emulators.Internal;

namespace Pax.TestSupport.Emulators;

/// <summary>
/// A Google Cloud emulator (<c>gcloud emulators firestore start</c>, <c>gcloud beta emulators pubsub start</c>) run
/// as a child process on a free loopback port. Ready when its HTTP root answers 200 (polled; no fixed sleep). On Linux
/// the emulator runs in a process group of its own with a watchdog on its stdin pipe: disposing closes the pipe and
/// returns once no process of the group (gcloud, its bash script, the Java emulator) is alive, and a test host or
/// benchmark that dies, even of SIGKILL, takes the emulator with it (see <see cref="EmulatorProcessGroup"/>). Elsewhere
/// disposing kills the process tree.
/// </summary>
public sealed class GcloudEmulator : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly EmulatorOutput _output;

    private GcloudEmulator(Process process, EmulatorOutput output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    /// <summary>Gets the port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the address to put in <c>FIRESTORE_EMULATOR_HOST</c> / <c>PUBSUB_EMULATOR_HOST</c>: <c>127.0.0.1:PORT</c>.</summary>
    public string HostPort => $"127.0.0.1:{Port}";

    /// <summary>Gets the emulator's root URL.</summary>
    public Uri BaseAddress => new($"http://{HostPort}/");

    /// <summary>
    /// Returns why emulators cannot run here (no <c>gcloud</c> on PATH), or <see langword="null"/> when they can.
    /// Tests call <c>Assert.Skip</c> with it; under <c>CI=true</c> a missing gcloud throws instead, so CI fails.
    /// </summary>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">gcloud is missing and <c>CI=true</c>.</exception>
    public static string? UnavailableReason()
    {
        if (GcloudLocator.Find() is not null)
        {
            return null;
        }

        const string reason = "gcloud is not on PATH: install google-cloud-cli with the firestore and pubsub emulators (see ENVIRONMENT.md) to run the emulator tests.";
        return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException("CI=true: " + reason)
            : reason;
    }

    /// <summary>Starts the Firestore emulator.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static Task<GcloudEmulator> StartFirestoreAsync(CancellationToken cancellationToken) =>
        StartAsync(port => ["emulators", "firestore", "start", $"--host-port=127.0.0.1:{port}"], cancellationToken);

    /// <summary>Starts the Pub/Sub emulator for <paramref name="project"/>.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static Task<GcloudEmulator> StartPubSubAsync(string project, CancellationToken cancellationToken) =>
        StartAsync(port => ["beta", "emulators", "pubsub", "start", $"--host-port=127.0.0.1:{port}", $"--project={project}"], cancellationToken);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Processes of the emulator are still alive 30 s after it was stopped.</exception>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (EmulatorProcessGroup.IsSupported)
            {
                await EmulatorProcessGroup.StopAsync(_process).ConfigureAwait(false);
            }
            else if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<GcloudEmulator> StartAsync(Func<int, string[]> arguments, CancellationToken cancellationToken)
    {
        var gcloud = GcloudLocator.Find() ?? throw new InvalidOperationException(UnavailableReason() ?? "gcloud is not on PATH.");
        var port = FreePort();
        ProcessStartInfo start;
        if (EmulatorProcessGroup.IsSupported)
        {
            start = EmulatorProcessGroup.StartInfo(gcloud, arguments(port));
        }
        else
        {
            start = new ProcessStartInfo(gcloud) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments(port))
            {
                start.ArgumentList.Add(argument);
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("gcloud did not start.");
        var output = new EmulatorOutput(process);
        var emulator = new GcloudEmulator(process, output, port);
        try
        {
            await emulator.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The emulator exited with code {_process.ExitCode} before it was ready:\n{_output.Text}");
            }

            try
            {
                using var response = await http.GetAsync(BaseAddress, deadline.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // One probe timed out; try again.
            }

            try
            {
                await poll.WaitForNextTickAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The emulator on port {Port} was not ready within {StartTimeout.TotalSeconds} s:\n{_output.Text}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
