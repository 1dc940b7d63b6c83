using System.Diagnostics;
using System.Text.Json;

namespace Pax.Orchestration.Tests.Support;

/// <summary>
/// Google's Node Pub/Sub client (@google-cloud/pubsub 5.3.1, pinned in Tracing/NodePublisher/package-lock.json) with
/// OpenTelemetry on, run as a child process: the publisher Pax's trace propagation must interoperate with. Installed once
/// per test run with <c>npm ci</c> next to the test assembly; where Node is missing the test is skipped with the reason,
/// and under <c>CI=true</c> fails.
/// </summary>
public static class NodePublisher
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    private static string Directory => Path.Combine(AppContext.BaseDirectory, "Tracing", "NodePublisher");

    /// <summary>Publishes one message through the emulator at <paramref name="emulatorHost"/> and returns its id and the context the client's create span wrote.</summary>
    public static async Task<(string MessageId, string TraceId, string SpanId)> PublishAsync(
        string emulatorHost, string project, string topicId, string data, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        if (Find("node") is null || Find("npm") is null)
        {
            const string reason = "node and npm are not on PATH: install Node 20 to run the interoperability test with Google's Node Pub/Sub client";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        var directory = await Installed.Value.WaitAsync(cancellationToken);
        var output = await RunAsync(
            "node", ["publish.mjs", project, topicId, data, JsonSerializer.Serialize(attributes)], directory, new() { ["PUBSUB_EMULATOR_HOST"] = emulatorHost }, PublishTimeout, cancellationToken);
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return (root.GetProperty("messageId").GetString()!, root.GetProperty("traceId").GetString()!, root.GetProperty("spanId").GetString()!);
    }

    private static async Task<string> InstallAsync()
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@google-cloud", "pubsub")))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Directory, [], InstallTimeout, CancellationToken.None);
        }

        return Directory;
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string directory, Dictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(program)!) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception) when (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{output}");
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
}
