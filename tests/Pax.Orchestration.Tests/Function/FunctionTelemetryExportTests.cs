using System.Net;
using Pax.Orchestration.Tests.Support;
using Pax.TestSupport.Otlp;

namespace Pax.Orchestration.Tests.Function;

/// <summary>
/// The Function sample wires the OpenTelemetry SDK with an OTLP exporter, off unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set: it starts either way, and with the variable its spans and Pax's metrics reach the collector.
/// </summary>
public sealed class FunctionTelemetryExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_OTEL_EXPORTER_OTLP_ENDPOINT_the_sample_starts_and_handles_a_push()
    {
        var directory = Directory.CreateTempSubdirectory("pax-otlp-").FullName;
        try
        {
            await using var function = await FunctionProcess.StartAsync(Environment(directory), Ct);

            var push = await function.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "2026-02-10"), "m-1")), Ct);

            Assert.Equal(HttpStatusCode.OK, push.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_the_request_span_and_Pax_metrics_are_exported_over_OTLP()
    {
        await using var collector = await FakeOtlpReceiver.StartAsync(Ct);
        var directory = Directory.CreateTempSubdirectory("pax-otlp-").FullName;
        try
        {
            var environment = Environment(directory);
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            // Export within a fraction of a second instead of the defaults (5 s for spans, 60 s for metrics).
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "100";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
            await using var function = await FunctionProcess.StartAsync(environment, Ct);

            var push = await function.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(PushBodies.Completion("a", "2026-02-10"), "m-1")), Ct);

            Assert.Equal(HttpStatusCode.OK, push.StatusCode);
            await collector.WaitForExportAsync("/v1/traces", "Microsoft.AspNetCore", Ct);
            await collector.WaitForExportAsync("/v1/metrics", "pax.orchestration.deliveries", Ct);
            await collector.WaitForExportAsync("/v1/metrics", "pax-orchestrator", Ct);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(string directory) => new()
    {
        ["Pax__Orchestration__Store"] = "Sqlite",
        ["Pax__Orchestration__Sqlite__Path"] = Path.Combine(directory, "tallies.db"),
        ["Pax__Orchestration__Phases__0__Name"] = "phase2",
        ["Pax__Orchestration__Phases__0__Processors__0"] = "a",
        ["Pax__Orchestration__Phases__0__Processors__1"] = "b",
        ["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/pax-tests/topics/unused-next",
        ["Pax__Orchestration__Authentication__Mode"] = "None",
        ["Pax__Scheduling__Store"] = "Sqlite",
        ["Pax__Scheduling__Sqlite__Path"] = Path.Combine(directory, "jobs.db"),
        ["Pax__Scheduling__Authentication__Mode"] = "None",
        ["Pax__Dashboard__Authentication__Mode"] = "None",
    };
}
