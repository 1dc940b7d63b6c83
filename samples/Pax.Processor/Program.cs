using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Hosting;
using Pax.Orchestration.Completion;
using Pax.Processor;

// A processor of a phased pipeline, run as a Cloud Run Job: does its work for one run key, then reports completion
// (succeeded or failed) to the orchestrator's completions topic, which starts the next phase once every processor of
// the phase has reported. Settings (environment variables; a Pax.Orchestration Cloud Run Job trigger sets the first):
//   PAX_RUN_KEY           the run key (required), e.g. 2026-02-10 or a collector slot 2026-02-10T14:30:00Z
//   PAX_COMPLETION_TOPIC  projects/P/topics/T to report to (required)
//   PAX_COMPLETION_PHASE  the phase this processor belongs to (optional when the orchestrator tallies one phase)
//   PAX_PROCESSOR         this processor's name: one of the orchestrator's processors for the phase (deploy.sh PROCESSOR;
//                         default processor/{CLOUD_RUN_TASK_INDEX}, which matches only processors named that way)
// Exit codes: 0 reported succeeded, 1 the work failed or was cancelled (reported failed with the reason, so Cloud Run
// retries the task), 2 bad settings (one `error:` line, or one CRITICAL log entry on Cloud Run).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the work, which is then reported failed; a second one ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
// Cloud Run sends SIGTERM before it stops a task (timeout or cancelled execution), then SIGKILL 10 s later.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

// A mistake in the settings or in the host's configuration (GoogleCloud section) is one line and exit code 2: `error: …`
// on stderr, or one CRITICAL entry on Cloud Run; never a stack trace.
var startup = StartupFailureReporter.ForProcess();
var settings = ProcessorSettings.FromEnvironment(Environment.GetEnvironmentVariable);
if (settings.Error is { } error)
{
    return startup.Report(error, exitCode: 2);
}

IHost host;
try
{
    var builder = Host.CreateApplicationBuilder(args);
    startup.ConfigureLogging(builder.Logging);
    builder.Services.AddPaxGoogleCloud(builder.Configuration.GetSection(GoogleCloudOptions.SectionName));   // Pub/Sub with ADC; PUBSUB_EMULATOR_HOST for local runs
    builder.Services.AddPaxCompletionPublisher();
    builder.Services.AddSingleton<ProcessorWork>();
    host = builder.Build();
    host.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception ex)
{
    return startup.Report(ex, exitCode: 2);
}

using var running = host;
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pax.Processor");

CompletionStatus status;
string? details;
try
{
    (status, details) = await host.Services.GetRequiredService<ProcessorWork>().RunAsync(settings.RunKey, cancellation.Token);
}
catch (Exception ex)
{
    (status, details) = (CompletionStatus.Failed, cancellation.IsCancellationRequested
        ? "cancelled (SIGTERM or Ctrl+C: the task timed out or its execution was cancelled) before the work finished"
        : $"the work failed: {ex.GetType().Name}: {ex.Message}");
}

// A cancelled run still reports, within Cloud Run's 10 s grace after SIGTERM.
using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(8));
using var publishing = CancellationTokenSource.CreateLinkedTokenSource(cancellation.IsCancellationRequested ? grace.Token : cancellation.Token, grace.Token);
var messageId = await host.Services.GetRequiredService<ICompletionPublisher>().PublishAsync(
    settings.CompletionTopic,
    new CompletionMessage(settings.Phase, settings.Processor, settings.RunKey, status, Details: details),
    publishing.Token);
logger.LogInformation("Reported {Status} for run key {RunKey} as {Processor} (message {MessageId})", status, settings.RunKey, settings.Processor, messageId);
return status == CompletionStatus.Succeeded ? 0 : 1;
