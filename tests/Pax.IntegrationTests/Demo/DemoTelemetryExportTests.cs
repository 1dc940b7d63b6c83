using System.Diagnostics;
using Pax.Demo;
using Pax.TestSupport.Otlp;

namespace Pax.IntegrationTests.Demo;

/// <summary>
/// The demo, run as <c>dotnet run --project samples/Pax.Demo</c> runs it (its own process, so the OpenTelemetry SDK's
/// listener and the <c>OTEL_*</c> variables are its own): with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> the slot's trace, both
/// phases, reaches the collector before the demo exits.
/// </summary>
public sealed class DemoTelemetryExportTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "pax-demo-otlp-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_the_slot_s_trace_is_exported_before_the_demo_exits()
    {
        await using var collector = await FakeOtlpReceiver.StartAsync(Ct);
        var endpoint = collector.BaseAddress.ToString().TrimEnd('/');

        var (exit, output) = await RunDemoAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        Assert.True(exit == DemoApp.Success, output);
        Assert.Contains($"Exported over OTLP to {endpoint}.", output, StringComparison.Ordinal);

        // Flushed when the demo stopped the export after the run, not by the SDK's 5 s schedule.
        foreach (var span in new[] { "slot 2026-02-10T14:30:00Z", "collector run", "trigger collect", "next phase contact-sheet", "trigger contact-sheet", "next phase slot-ready", "pax-demo" })
        {
            await collector.WaitForExportAsync("/v1/traces", span, Ct);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output)> RunDemoAsync(Dictionary<string, string> environment)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Pax.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(root, "samples", "Pax.Demo", "bin", "Debug", "net10.0", "Pax.Demo.dll"));
        foreach (var argument in new[] { "--out", _out, "--slot", "2026-02-10T14:44:00Z" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
