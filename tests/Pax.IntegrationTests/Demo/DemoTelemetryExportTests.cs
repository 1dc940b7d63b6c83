using Pax.Demo;
using Pax.TestSupport.Otlp;
using Pax.TestSupport.Processes;

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

    private Task<(int ExitCode, string Output)> RunDemoAsync(Dictionary<string, string> environment) =>
        SampleProcess.RunAsync(SampleProcess.Dll("Pax.Demo"), ["--out", _out, "--slot", "2026-02-10T14:44:00Z"], environment, TimeSpan.FromSeconds(120), Ct);
}
