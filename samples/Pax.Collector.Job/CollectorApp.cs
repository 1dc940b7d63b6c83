using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pax.Collection.CloudRun;
using Pax.Collection.Hosting;
using Pax.Collection.Runs;
using Pax.Collector.Job.Console;
using Pax.Collector.Job.Telemetry;
using Pax.GoogleCloud.Hosting;
using Pax.GoogleCloud.Logging;
using Spectre.Console;

namespace Pax.Collector.Job;

/// <summary>
/// The collector as a program. It only composes: flags and <c>PAX_…</c> variables become <c>Pax:Collection</c> keys
/// (<see cref="CollectorConfiguration"/>), Pax.Collection runs the slot for this Cloud Run task (<see cref="CollectorJob"/>,
/// <see cref="CloudRunTaskInfo"/>) and picks the exit code (<see cref="CollectorExitCodes"/>); this host adds the console:
/// Cloud Logging JSON lines, or a progress display at a terminal.
/// </summary>
public static class CollectorApp
{
    /// <summary>The service Error Reporting groups the collector's errors under when <c>CLOUD_RUN_JOB</c> is not set.</summary>
    private const string DefaultService = "pax-collector";

    private const string HelpHint = "Run with --help to see the flags and their PAX_* variables.";

    /// <summary>Runs the collector.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="environment">Process environment, output streams and whether a person is watching.</param>
    /// <param name="cancellationToken">Cancels the run (SIGTERM from Cloud Run, Ctrl+C).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var command = new CollectorCommand();
        var parse = command.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return await FailAsync(environment, [.. parse.Errors.Select(e => e.Message)], HelpHint).ConfigureAwait(false);
        }

        command.Root.SetAction((result, ct) => ExecuteAsync(command.GivenFlags(result), environment, ct));

        // The host (Program.cs) turns SIGTERM and Ctrl+C into the cancellation token; System.CommandLine must not also
        // handle them, or it would end the invocation before a cancelled run has written its report.
        var invocation = new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(IReadOnlyDictionary<string, string?> flags, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        IConfiguration configuration;
        CloudRunTaskInfo task;
        try
        {
            configuration = new ConfigurationBuilder().AddPaxCollectorSettings(flags, environment.GetVariable).Build();
            task = CloudRunTaskInfo.FromVariables(environment.GetVariable);
        }
        catch (FormatException ex)
        {
            return await FailAsync(environment, [ex.Message], HelpHint).ConfigureAwait(false);
        }

        await using var services = BuildServices(configuration, environment);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Pax.Collector.Job");
        try
        {
            var job = services.GetRequiredService<CollectorJob>();
            if (job.Options.WriteManifest is { } path)
            {
                var manifest = await job.WriteManifestAsync(path, cancellationToken).ConfigureAwait(false);
                await environment.Error.WriteLineAsync($"Wrote {manifest.Cameras.Count} cameras to {path}").ConfigureAwait(false);
                return CollectorExitCodes.Success;
            }

            return CollectorExitCodes.ForReport(await CollectAsync(job, task, environment, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return await ReportFailureAsync(ex, logger, task, environment, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<CollectionReport> CollectAsync(CollectorJob job, CloudRunTaskInfo task, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        if (!environment.IsTerminal)
        {
            return await job.CollectAsync(task, progress: null, cancellationToken).ConfigureAwait(false);
        }

        var display = new TerminalDisplay(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Output) }));
        var report = await display.ShowProgressAsync(progress => job.CollectAsync(task, progress, cancellationToken)).ConfigureAwait(false);
        display.ShowSummary(report, ReportLocation(report, task, ".html"));
        return report;
    }

    // What the console says for each exit code the library's policy picks.
    private static async Task<int> ReportFailureAsync(Exception exception, ILogger logger, CloudRunTaskInfo task, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        var exitCode = CollectorExitCodes.ForException(exception, cancellationToken);
        switch (exitCode)
        {
            case CollectorExitCodes.Cancelled when exception is CollectionCancelledException cancelled:
                CollectorLog.RunCancelled(logger, ReportLocation(cancelled.Report, task, ".json"));
                return exitCode;
            case CollectorExitCodes.Cancelled:
                CollectorLog.CancelledBeforeCollecting(logger);
                return exitCode;
            case CollectorExitCodes.Failed:
                // A user mistake or an expected failure: the one line that says what to fix, no stack trace (on Cloud Run
                // one CRITICAL entry, the exception at Debug level). A failure while collecting (the camera list
                // unreachable, the sink refusing) is the run's, not the start's: event 1900 "Collection failed: …".
                if (Reporter(environment) is { OnCloudRun: true } reporter)
                {
                    if (!CollectorExitCodes.IsRunFailure(exception))
                    {
                        return reporter.Report(exception, exitCode, logger);
                    }

                    CollectorLog.RunFailed(logger, StartupFailureReporter.Describe(exception));
                    CollectorLog.RunFailureDetail(logger, exception);
                    return exitCode;
                }

                if (!environment.IsTerminal && CollectorExitCodes.IsRunFailure(exception))
                {
                    CollectorLog.RunFailed(logger, exception.Message);
                }

                return await FailAsync(environment, [exception.Message]).ConfigureAwait(false);
            default:
                // Nothing above knew this failure: one ERROR line Error Reporting picks up, and an exit code that says so.
                using (var provider = new CloudLoggingJsonLoggerProvider(environment.IsTerminal ? environment.Error : environment.Output, environment.TimeProvider, LogLevel.Error, Service(environment)))
                {
                    CollectorLog.UnexpectedFailure(provider.CreateLogger("Pax.Collector.Job"), exception.Message, exitCode, exception);
                }

                return exitCode;
        }
    }

    /// <summary>The run could not work: one <c>error: …</c> line per message (and a hint), or on Cloud Run one CRITICAL entry.</summary>
    private static async Task<int> FailAsync(CollectorEnvironment environment, IReadOnlyList<string> messages, string? hint = null)
    {
        var reporter = Reporter(environment);
        if (reporter.OnCloudRun)
        {
            return reporter.Report(string.Join(" ", messages), CollectorExitCodes.Failed);
        }

        foreach (var message in messages)
        {
            await environment.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        }

        if (hint is not null)
        {
            await environment.Error.WriteLineAsync(hint).ConfigureAwait(false);
        }

        return CollectorExitCodes.Failed;
    }

    private static StartupFailureReporter Reporter(CollectorEnvironment environment) =>
        new(environment.Output, environment.Error, environment.GetVariable, environment.TimeProvider);

    private static string Service(CollectorEnvironment environment) =>
        environment.GetVariable("CLOUD_RUN_JOB") is { Length: > 0 } job ? job : DefaultService;

    private static string ReportLocation(CollectionReport report, CloudRunTaskInfo task, string extension) =>
        Path.Combine(report.Sink, report.SlotPath, CollectionReport.GetBaseName(task) + extension);

    private static ServiceProvider BuildServices(IConfiguration configuration, CollectorEnvironment environment)
    {
        var services = new ServiceCollection();
        services.AddSingleton(environment.TimeProvider);
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("System.Net.Http", LogLevel.Warning);
            logging.AddFilter("Polly", LogLevel.Warning);
            // A person at a terminal sees the progress display; logs would tear it, so only problems go to stderr then.
            logging.AddProvider(environment.IsTerminal
                ? new CloudLoggingJsonLoggerProvider(environment.Error, environment.TimeProvider, LogLevel.Critical, Service(environment))
                : new CloudLoggingJsonLoggerProvider(environment.Output, environment.TimeProvider, LogLevel.Information, Service(environment)));
        });
        services.AddPaxCollection(configuration.GetSection("Pax:Collection"));
        // Spans and metrics to an OpenTelemetry collector, only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
        var exporting = OtlpExport.AddWhenConfigured(services, environment.GetVariable, Service(environment));
        environment.ConfigureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        if (exporting)
        {
            OtlpExport.Start(provider);
        }

        return provider;
    }
}
