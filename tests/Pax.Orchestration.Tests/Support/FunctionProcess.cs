using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pax.Orchestration.Tests.Support;

/// <summary>The Pax.Orchestrator.Function sample as users run it: <c>dotnet Pax.Orchestrator.Function.dll --urls …</c> with environment variables, on a free loopback port.</summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _standardOutput = [];
    private readonly List<string> _standardError = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    private FunctionProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress };
        process.OutputDataReceived += (_, e) => Append(e.Data, standardOutput: true);
        process.ErrorDataReceived += (_, e) => Append(e.Data, standardOutput: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Gets the lines written to stdout so far (without stderr).</summary>
    public IReadOnlyList<string> StandardOutputLines
    {
        get
        {
            lock (_output)
            {
                return _standardOutput.ToArray();
            }
        }
    }

    /// <summary>Completes when a stdout line matching <paramref name="match"/> has been written (at most 30 s).</summary>
    public Task WaitForStandardOutputLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        lock (_output)
        {
            if (_standardOutput.Any(match))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    /// <summary>Starts the sample with <paramref name="environment"/> (and <paramref name="arguments"/> after <c>--urls …</c>) and waits until it answers <c>/healthz</c>.</summary>
    public static async Task<FunctionProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] arguments)
    {
        var function = Launch(environment, arguments);
        try
        {
            await function.WaitUntilHealthyAsync(cancellationToken);
            return function;
        }
        catch
        {
            await function.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the sample and waits (at most 60 s) for it to exit by itself, as when its start fails: the exit code, stdout and stderr lines.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)> RunUntilExitAsync(
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        await using var function = Launch(environment, []);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        await function._process.WaitForExitAsync(deadline.Token);
        lock (function._output)
        {
            return (function._process.ExitCode, function._standardOutput.ToArray(), function._standardError.ToArray());
        }
    }

    private static FunctionProcess Launch(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var dll = Path.Combine(RepositoryRoot(), "samples", "Pax.Orchestrator.Function", "bin", "Debug", "net10.0", "Pax.Orchestrator.Function.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the sample first (the test project references it).", dll);
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The sample maps the dashboard with CloudRunIam (appsettings.json), which is refused off Cloud Run; a test
        // that runs the function locally and is not about the dashboard opens it, as a local run does.
        if (!environment.ContainsKey("K_SERVICE"))
        {
            start.Environment["Pax__Dashboard__Authentication__Mode"] = "None";
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new FunctionProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!_process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("healthz", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (!await poll.WaitForNextTickAsync(deadline.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
            {
                throw new TimeoutException("The function did not answer /healthz within 60 s:\n" + Output);
            }
        }

        throw new InvalidOperationException($"The function exited with code {_process.ExitCode}:\n{Output}");
    }

    private void Append(string? line, bool standardOutput)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
                if (standardOutput)
                {
                    _standardOutput.Add(line);
                    foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                    {
                        _waiters.Remove(waiter);
                        waiter.Seen.TrySetResult();
                    }
                }
                else
                {
                    _standardError.Add(line);
                }
            }
        }
    }

    /// <summary>The repository root (the folder holding Pax.sln above the test binaries).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pax.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
    }
}
