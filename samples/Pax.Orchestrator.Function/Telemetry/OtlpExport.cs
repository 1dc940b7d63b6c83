using System.Runtime.CompilerServices;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pax.Orchestrator.Function.Telemetry;

/// <summary>
/// Sends the orchestrator's spans and metrics to an OpenTelemetry collector over OTLP, and only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (opentelemetry.io/docs/specs/otel/protocol/exporter/): without it nothing
/// of the SDK is registered or even loaded, so a cold start pays nothing. The exporter reads the other standard
/// variables itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>…_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>).
/// </summary>
internal static class OtlpExport
{
    /// <summary>The variable that turns the export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // Pax's sources and meters are named after their package; "Microsoft.AspNetCore" is the request span ASP.NET Core
    // starts (continuing the caller's traceparent), "Microsoft.AspNetCore.Hosting" its request metrics.
    private static readonly string[] Sources = ["Pax.Orchestration", "Pax.GoogleCloud", "Microsoft.AspNetCore"];
    private static readonly string[] Meters = ["Pax.Orchestration", "Microsoft.AspNetCore.Hosting"];

    /// <summary>Adds the OpenTelemetry SDK with an OTLP exporter when <see cref="EndpointVariable"/> is set in <paramref name="configuration"/> (environment variables included).</summary>
    /// <returns>Whether the export is on.</returns>
    public static bool AddWhenConfigured(IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable]))
        {
            return false;
        }

        // OTEL_SERVICE_NAME wins when set (the SDK reads it); else the Cloud Run service's name.
        var service = string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]) ? configuration["K_SERVICE"] ?? "pax-orchestrator" : null;
        Add(services, service);
        return true;
    }

    // Kept out of line: the SDK's assemblies load when this method is compiled, that is only when the export is on.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Add(IServiceCollection services, string? service) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (service is not null)
                {
                    resource.AddService(service);
                }
            })
            .WithTracing(tracing => tracing.AddSource(Sources).AddOtlpExporter())
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddOtlpExporter());
}
