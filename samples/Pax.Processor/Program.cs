using Pax.Orchestration.Processing;
using Pax.Processor;

// A processor of a phased pipeline, run as a Cloud Run Job. ProcessorHost (Pax.Orchestration.Abstractions) reads the
// run key (PAX_RUN_KEY) and the settings (appsettings.json, Pax:Processor, or their PAX_* variables), runs
// ProcessorWork until it ends or Cloud Run stops the task (SIGTERM), reports succeeded or failed to the orchestrator's
// completions topic within Cloud Run's grace, and returns the exit code (README.md).
return await ProcessorHost.RunAsync<ProcessorWork>(args);
