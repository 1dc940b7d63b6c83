using Pax.CameraSimulator;
using Pax.Collection.Hosting;
using Pax.TestSupport.Otlp;

namespace Pax.IntegrationTests.Collector;

/// <summary>
/// The Job sample wires the OpenTelemetry SDK with an OTLP exporter, off unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
/// set: it runs either way, and with the variable Pax's metrics reach the collector before the task exits.
/// </summary>
public sealed class CollectorTelemetryExportTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pax-collector-otlp-" + Guid.NewGuid().ToString("N"));
    private CameraSimulatorServer _simulator = null!;
    private FakeOtlpReceiver _collector = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await CameraSimulatorServer.StartAsync(new CameraSimulatorOptions { Cameras = 100, Seed = 11 }, cancellationToken: TestContext.Current.CancellationToken);
        _collector = await FakeOtlpReceiver.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _simulator.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Without_OTEL_EXPORTER_OTLP_ENDPOINT_the_collector_runs()
    {
        var run = new CollectorRun();

        Assert.Equal(CollectorExitCodes.Success, await run.RunAsync(Args()));
    }

    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_the_run_s_metrics_are_exported_before_it_exits()
    {
        var run = new CollectorRun();
        run.Variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.BaseAddress.ToString().TrimEnd('/');
        run.Variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        run.Variables["CLOUD_RUN_JOB"] = "pax-collector-test";

        Assert.Equal(CollectorExitCodes.Success, await run.RunAsync(Args()));

        // Flushed when the run's services were disposed, not by the 60 s export interval.
        await _collector.WaitForExportAsync("/v1/metrics", "pax.collection.snapshots", TestContext.Current.CancellationToken);
        await _collector.WaitForExportAsync("/v1/metrics", "pax-collector-test", TestContext.Current.CancellationToken);
    }

    private string[] Args() => ["--camera-api", _simulator.BaseAddress.ToString(), "--sink", _root, "--slot", "2026-02-10T14:30:00Z"];
}
