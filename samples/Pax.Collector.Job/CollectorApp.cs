using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collector.Job.Console;
using Pax.GoogleCloud.Logging;
using Spectre.Console;

namespace Pax.Collector.Job;

/// <summary>
/// The collector as a program: parses flags and <c>PAX_…</c> variables, composes Pax.Collection, runs one slot for
/// this Cloud Run task and turns the result into an exit code (<see cref="CollectorExitCodes"/>). The host only
/// composes; the work is Pax.Collection's.
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
        var command = new CollectorCommand(environment.GetVariable);
        var parse = command.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await environment.Error.WriteLineAsync(HelpHint).ConfigureAwait(false);
            return CollectorExitCodes.Failed;
        }

        command.Root.SetAction((result, ct) => ExecuteAsync(command, result, environment, ct));

        // The host (Program.cs) turns SIGTERM and Ctrl+C into the cancellation token; System.CommandLine must not also
        // handle them, or it would end the invocation before a cancelled run has written its report.
        var invocation = new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    // One place maps every outcome to its exit code (CollectorExitCodes); the work itself is in CollectAsync.
    private static async Task<int> ExecuteAsync(CollectorCommand command, ParseResult parse, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        CollectorSettings settings;
        CloudRunTaskInfo task;
        try
        {
            settings = command.Resolve(parse);
            task = CloudRunTaskInfo.FromVariables(environment.GetVariable);
        }
        catch (FormatException ex)
        {
            return await FailAsync(environment, ex.Message, HelpHint).ConfigureAwait(false);
        }

        try
        {
            return await ExecuteCollectionAsync(settings, task, environment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing above knew this failure: one ERROR line Error Reporting picks up, and an exit code that says so.
            ReportUnexpected(ex, environment);
            return CollectorExitCodes.Unexpected;
        }
    }

    private static void ReportUnexpected(Exception exception, CollectorEnvironment environment)
    {
        using (var provider = new CloudLoggingJsonLoggerProvider(environment.IsTerminal ? environment.Error : environment.Output, environment.TimeProvider, LogLevel.Error, Service(environment)))
        {
            CollectorLog.UnexpectedFailure(provider.CreateLogger("Pax.Collector.Job"), exception.Message, CollectorExitCodes.Unexpected, exception);
        }
    }

    private static string Service(CollectorEnvironment environment) =>
        environment.GetVariable("CLOUD_RUN_JOB") is { Length: > 0 } job ? job : DefaultService;

    private static async Task<int> ExecuteCollectionAsync(CollectorSettings settings, CloudRunTaskInfo task, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        await using var services = BuildServices(settings, environment);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Pax.Collector.Job");
        try
        {
            return await CollectAsync(services, settings, task, environment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException or CameraManifestException or ArgumentException)
        {
            // A user mistake (a setting, a file, an area name): the one line that says what to fix, no log, no stack trace.
            return await FailAsync(environment, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CollectionFailedException or CameraApiException or IOException)
        {
            // An expected failure of the run: its message says what happened; a stack trace would only hide it.
            if (!environment.IsTerminal)
            {
                CollectorLog.RunFailed(logger, ex.Message);
            }

            return await FailAsync(environment, ex.Message).ConfigureAwait(false);
        }
        catch (CollectionCancelledException ex) when (cancellationToken.IsCancellationRequested)
        {
            CollectorLog.RunCancelled(logger, ReportLocation(ex.Report, task, ".json"));
            return CollectorExitCodes.Cancelled;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CollectorLog.CancelledBeforeCollecting(logger);
            return CollectorExitCodes.Cancelled;
        }
    }

    private static async Task<int> CollectAsync(ServiceProvider services, CollectorSettings settings, CloudRunTaskInfo task, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IOptions<CollectionOptions>>().Value;
        var selection = await CollectorSelection.CreateAsync(settings, cancellationToken).ConfigureAwait(false);
        if (settings.WriteManifest is { } manifestPath)
        {
            return await CollectorSelection.WriteManifestAsync(services.GetRequiredService<ICameraSource>(), selection, manifestPath, environment, services.GetRequiredService<TimeProvider>(), cancellationToken).ConfigureAwait(false);
        }

        var report = await RunCollectionAsync(services.GetRequiredService<CollectionRunner>(), selection, settings, task, environment, cancellationToken).ConfigureAwait(false);
        return !report.Succeeded ? CollectorExitCodes.UnderFloor
            : report.ArtifactFailures.Count > 0 ? CollectorExitCodes.ArtifactsNotWritten
            : CollectorExitCodes.Success;
    }

    private static async Task<int> FailAsync(CollectorEnvironment environment, string message, string? hint = null)
    {
        await environment.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        if (hint is not null)
        {
            await environment.Error.WriteLineAsync(hint).ConfigureAwait(false);
        }

        return CollectorExitCodes.Failed;
    }

    private static async Task<CollectionReport> RunCollectionAsync(CollectionRunner runner, CameraSelection selection, CollectorSettings settings, CloudRunTaskInfo task, CollectorEnvironment environment, CancellationToken cancellationToken)
    {
        var request = new CollectionRequest { Selection = selection, Slot = settings.Slot, Task = task };
        if (!environment.IsTerminal)
        {
            return await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Output) });
        var display = new TerminalDisplay(console);
        var report = await display.ShowProgressAsync(progress => runner.RunAsync(request with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
        display.ShowSummary(report, ReportLocation(report, task, ".html"));
        return report;
    }

    private static string ReportLocation(CollectionReport report, CloudRunTaskInfo task, string extension) =>
        Path.Combine(report.Sink, report.SlotPath, CollectionReport.GetBaseName(task) + extension);

    private static ServiceProvider BuildServices(CollectorSettings settings, CollectorEnvironment environment)
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
        services.AddPaxCollection(options =>
        {
            options.Sink = settings.Sink;
            options.Concurrency = settings.Concurrency;
            options.UploadConcurrency = settings.UploadConcurrency;
            options.MinStoredRatio = settings.MinStoredRatio ?? options.MinStoredRatio;
            options.Deadline = settings.Deadline ?? options.Deadline;
            options.CompletionTopic = settings.CompletionTopic;
            options.CompletionPhase = settings.CompletionPhase;
        });
        services.Configure<NyctmcOptions>(options => options.BaseAddress = settings.CameraApi);
        environment.ConfigureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
