using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pax.Collector.Job.Telemetry;

/// <summary>
/// Sends the collector's spans and metrics to an OpenTelemetry collector over OTLP, and only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (opentelemetry.io/docs/specs/otel/protocol/exporter/): without it nothing
/// of the SDK is registered or even loaded, so a task's start pays nothing. The job has no host to start the SDK, so
/// <see cref="Start"/> builds it; disposing the service provider at the end of the run flushes what is left.
/// </summary>
internal static class OtlpExport
{
    /// <summary>The variable that turns the export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // Pax's sources and meters are named after their package.
    private static readonly string[] Sources = ["Pax.Collection", "Pax.GoogleCloud"];
    private static readonly string[] Meters = ["Pax.Collection"];

    // The SDK's standard variables read through the collector's environment (so a test supplies them); any other
    // OTEL_* variable is read from the process.
    private static readonly string[] Variables =
    [
        EndpointVariable, "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TIMEOUT",
        "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_BSP_SCHEDULE_DELAY", "OTEL_METRIC_EXPORT_INTERVAL",
    ];

    /// <summary>Adds the OpenTelemetry SDK with an OTLP exporter when <see cref="EndpointVariable"/> is set.</summary>
    /// <param name="services">The collector's services.</param>
    /// <param name="getVariable">The environment variable reader.</param>
    /// <param name="service">The service name when <c>OTEL_SERVICE_NAME</c> is not set (the Cloud Run job's name).</param>
    /// <returns>Whether the export is on.</returns>
    public static bool AddWhenConfigured(IServiceCollection services, Func<string, string?> getVariable, string service)
    {
        if (string.IsNullOrWhiteSpace(getVariable(EndpointVariable)))
        {
            return false;
        }

        var variables = Variables.Select(name => KeyValuePair.Create(name, getVariable(name))).Where(v => !string.IsNullOrEmpty(v.Value));
        services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(variables).Build());
        Add(services, string.IsNullOrWhiteSpace(getVariable("OTEL_SERVICE_NAME")) ? service : null);
        return true;
    }

    /// <summary>Builds the tracer and meter providers <see cref="AddWhenConfigured"/> registered (a host would start them).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Start(IServiceProvider services)
    {
        _ = services.GetRequiredService<TracerProvider>();
        _ = services.GetRequiredService<MeterProvider>();
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
