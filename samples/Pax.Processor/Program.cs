using Pax.Orchestration.Processing;
using Pax.Processor;
using Pax.Processor.Telemetry;

// A processor of a phased pipeline, run as a Cloud Run Job. ProcessorHost (Pax.Orchestration.Abstractions) reads the
// run key (PAX_RUN_KEY) and the settings (appsettings.json, Pax:Processor, or their PAX_* variables), runs
// ProcessorWork until it ends or Cloud Run stops the task (SIGTERM), reports succeeded or failed to the orchestrator's
// completions topic within Cloud Run's grace, and returns the exit code (README.md).
// Spans and metrics to an OpenTelemetry collector, only when OTEL_EXPORTER_OTLP_ENDPOINT is set; flushed at the end.
using (OtlpExport.StartWhenConfigured(Environment.GetEnvironmentVariable("CLOUD_RUN_JOB") ?? "pax-processor", OtlpExport.PaxSources))
{
    return await ProcessorHost.RunAsync<ProcessorWork>(args);
}
