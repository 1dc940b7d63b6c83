using System.Runtime.CompilerServices;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pax.Processor.Telemetry;

/// <summary>
/// Sends the processor's spans and metrics to an OpenTelemetry collector over OTLP, and only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (opentelemetry.io/docs/specs/otel/protocol/exporter/): without it nothing
/// of the SDK is loaded, so a task's start pays nothing. <c>ProcessorHost</c> runs the work without starting a host, so
/// the tracer and meter providers are built here, before the run, and disposing what <see cref="StartWhenConfigured"/>
/// returns flushes what is left before the task exits. The exporter reads the other standard variables itself
/// (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>…_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>).
/// </summary>
internal static class OtlpExport
{
    /// <summary>The variable that turns the export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The ActivitySources and meters of the Pax packages a processor runs (each named after its package).</summary>
    public static readonly string[] PaxSources = ["Pax.Orchestration.Abstractions", "Pax.GoogleCloud"];

    /// <summary>Starts the export when <see cref="EndpointVariable"/> is set.</summary>
    /// <param name="service">The service name when <c>OTEL_SERVICE_NAME</c> is not set.</param>
    /// <param name="sources">The ActivitySources (and meters) to export.</param>
    /// <returns>What flushes and stops the export when disposed, or <see langword="null"/> when it is off.</returns>
    public static IDisposable? StartWhenConfigured(string service, params string[] sources) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable))
            ? null
            : Start(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")) ? service : null, sources);

    // Kept out of line: the SDK's assemblies load when this method is compiled, that is only when the export is on.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDisposable Start(string? service, string[] sources)
    {
        var resource = ResourceBuilder.CreateDefault();
        if (service is not null)
        {
            resource.AddService(service);
        }

        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(sources).AddOtlpExporter().Build();
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(sources).AddOtlpExporter().Build();
        return new Providers(tracing, metrics);
    }

    /// <summary>Disposing a provider flushes it: the spans and metrics of the run are sent before the process ends.</summary>
    private sealed class Providers(TracerProvider tracing, MeterProvider metrics) : IDisposable
    {
        public void Dispose()
        {
            tracing.Dispose();
            metrics.Dispose();
        }
    }
}
