using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Logging;

namespace Pax.GoogleCloud.Hosting;

/// <summary>
/// What a host does when it cannot start (a configuration mistake, a port in use): one line that names the cause and an
/// exit code, never "Unhandled exception" and stack frames. Off Cloud Run the line is <c>error: …</c> on standard error;
/// on Cloud Run (<c>K_SERVICE</c> or <c>CLOUD_RUN_JOB</c> set) it is one <c>CRITICAL</c> JSON entry on standard output,
/// which Cloud Logging keeps as one entry and Error Reporting captures
/// (<see cref="CloudLoggingJsonLoggerProvider.ReportedErrorEventType"/>). The whole exception still goes to the log given,
/// at <see cref="LogLevel.Debug"/>. The Pax samples and templates (orchestrator service, collector Job, processor,
/// demo) all start through it.
/// </summary>
public sealed class StartupFailureReporter
{
    // The generic host logs its own start failure (event 11, "Hosting failed to start") with the exception's stack.
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static readonly Action<ILogger, string, Exception?> LogFailure =
        LoggerMessage.Define<string>(LogLevel.Critical, new EventId(1, "StartupFailed"), "{Reason}");

    private static readonly Action<ILogger, string, Exception?> LogDetail =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(2, "StartupFailureDetail"), "The start failed: {Reason}");

    private readonly TextWriter _standardOutput;
    private readonly TextWriter _standardError;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a reporter.</summary>
    /// <param name="standardOutput">Where the CRITICAL entry goes on Cloud Run.</param>
    /// <param name="standardError">Where the <c>error: …</c> line goes elsewhere.</param>
    /// <param name="getVariable">Reads an environment variable (<c>K_SERVICE</c>, <c>CLOUD_RUN_JOB</c>).</param>
    /// <param name="timeProvider">The clock for the entry's <c>time</c>.</param>
    public StartupFailureReporter(TextWriter standardOutput, TextWriter standardError, Func<string, string?> getVariable, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(standardError);
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _standardOutput = standardOutput;
        _standardError = standardError;
        _timeProvider = timeProvider;
        Service = getVariable("K_SERVICE") is { Length: > 0 } service ? service : getVariable("CLOUD_RUN_JOB") is { Length: > 0 } job ? job : null;
    }

    /// <summary>Gets a value indicating whether this process runs on Cloud Run (a service or a job): <c>K_SERVICE</c> or <c>CLOUD_RUN_JOB</c> is set.</summary>
    public bool OnCloudRun => Service is not null;

    /// <summary>Gets the Cloud Run service or job this process runs as (<c>K_SERVICE</c>, else <c>CLOUD_RUN_JOB</c>), or <see langword="null"/> off Cloud Run.</summary>
    public string? Service { get; }

    /// <summary>A reporter on the process's console, environment and clock.</summary>
    /// <returns>The reporter.</returns>
    public static StartupFailureReporter ForProcess() => new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System);

    /// <summary>
    /// Sets up a host's logging for this: on Cloud Run, only Cloud Logging's JSON lines (one entry per line, with its
    /// severity and an exception inside it); everywhere, the generic host's own "Hosting failed to start" entry (with
    /// its stack) is left out until the host has started, since the failure is reported once, by this reporter (a
    /// provider-specific level, such as <c>Logging:Console:LogLevel</c>, takes precedence over that filter).
    /// </summary>
    /// <param name="logging">The host's logging builder.</param>
    public void ConfigureLogging(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        if (OnCloudRun)
        {
            logging.Services.RemoveAll<ILoggerProvider>();
            logging.AddCloudLoggingJson();
        }

        var started = new HostStarted();
        logging.Services.AddSingleton<IHostedService>(started);
        logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (level < LogLevel.Error || started.Value));
    }

    /// <summary>
    /// Starts <paramref name="host"/> and runs it until it shuts down; a failure to start is reported
    /// (<see cref="Report(Exception, int, ILogger?)"/>) instead of thrown.
    /// </summary>
    /// <param name="host">The built host (its options are validated as it starts).</param>
    /// <param name="exitCode">The exit code when it cannot start.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>0 after a normal shutdown, else <paramref name="exitCode"/>.</returns>
    public async Task<int> RunAsync(IHost host, int exitCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Report(ex, exitCode, host.Services.GetService<ILoggerFactory>()?.CreateLogger(nameof(StartupFailureReporter)));
        }

        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Reports a failed start: the one line (see the class), and the whole exception at Debug level to <paramref name="logger"/>.</summary>
    /// <param name="exception">Why the start failed.</param>
    /// <param name="exitCode">The exit code to return.</param>
    /// <param name="logger">Where the exception goes at Debug level, or <see langword="null"/>.</param>
    /// <returns><paramref name="exitCode"/>.</returns>
    public int Report(Exception exception, int exitCode, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = Describe(exception);
        if (logger is not null)
        {
            LogDetail(logger, reason, exception);
        }

        return Report(reason, exitCode);
    }

    /// <summary>Reports a failed start whose cause is a message (a missing setting), as the one line.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="exitCode">The exit code to return.</param>
    /// <returns><paramref name="exitCode"/>.</returns>
    public int Report(string message, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = OneLine(message);
        if (OnCloudRun)
        {
            using var provider = new CloudLoggingJsonLoggerProvider(_standardOutput, _timeProvider, LogLevel.Critical, Service);
            LogFailure(provider.CreateLogger("Pax.Startup"), line, null);
        }
        else
        {
            _standardError.WriteLine("error: " + line);
            _standardError.Flush();
        }

        return exitCode;
    }

    /// <summary>
    /// The cause in one line: every failure of an <see cref="OptionsValidationException"/> (each names its key), the
    /// messages of the exceptions a wrapper (<see cref="AggregateException"/>, <see cref="TargetInvocationException"/>) holds
    /// (several options types failing at once: each one's failures),
    /// else the exception's message.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The line.</returns>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OptionsValidationException options => OneLine(string.Join(" ", options.Failures)),
            AggregateException { InnerExceptions.Count: > 0 } aggregate => string.Join(" ", aggregate.InnerExceptions.Select(Describe)),
            TargetInvocationException { InnerException: { } inner } => Describe(inner),
            _ => OneLine(exception.Message),
        };
    }

    /// <summary>Set once every hosted service has started (<see cref="IHostedLifecycleService.StartedAsync"/>): the start can no longer fail.</summary>
    private sealed class HostStarted : IHostedLifecycleService
    {
        private volatile bool _value;

        public bool Value => _value;

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken)
        {
            _value = true;
            return Task.CompletedTask;
        }

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The text on one line: its lines trimmed and joined by single spaces, empty ones dropped (also the trigger error kept with a tally).</summary>
    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
