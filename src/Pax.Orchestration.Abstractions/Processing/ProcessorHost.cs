using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Configuration.Internal;
using Pax.GoogleCloud.Hosting;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Processing.Internal;

namespace Pax.Orchestration.Processing;

/// <summary>
/// Runs a processor of a phased pipeline as a Cloud Run Job task, so that a processor's <c>Program.cs</c> is one line:
/// <c>return await ProcessorHost.RunAsync&lt;MyWork&gt;(args);</c>. In order:
/// <list type="number">
/// <item><description>listens for SIGTERM and Ctrl+C (<see cref="ShutdownSignal"/>);</description></item>
/// <item><description>reads the handover (<see cref="PhaseHandover.FromEnvironment"/>: <c>PAX_RUN_KEY</c>, and
/// <c>PAX_PHASE</c> and <c>PAX_IDEMPOTENCY_KEY</c> when a Pax trigger started the run) and the settings
/// (<see cref="ProcessorOptions"/>, section <c>Pax:Processor</c> of <c>appsettings.json</c> beside the program, or its
/// <c>PAX_*</c> variables; Pub/Sub and credentials from the <c>GoogleCloud</c> section and <c>PUBSUB_EMULATOR_HOST</c>);</description></item>
/// <item><description>when <see cref="ProcessorOptions.Job"/> is set, steps aside for an earlier execution started for
/// the same idempotency key;</description></item>
/// <item><description>runs the work (<see cref="IProcessorWork"/>, from DI) until it returns or the stop signal cancels it — an
/// exception or a cancellation is reported as <c>failed</c> with the reason;</description></item>
/// <item><description>publishes the completion (<see cref="ICompletionPublisher"/>) as <see cref="ProcessorOptions.Name"/>,
/// within <see cref="ShutdownSignal.GracePeriod"/> of a stop, so a stopped task still reports before Cloud Run kills it;</description></item>
/// <item><description>returns the exit code (<see cref="ProcessorExitCodes"/>), every failure with one line naming the
/// cause (<see cref="StartupFailureReporter"/>: <c>error: …</c>, or one <c>CRITICAL</c> entry on Cloud Run).</description></item>
/// </list>
/// </summary>
public static class ProcessorHost
{
    /// <summary>Runs the processor (see the class) and returns its exit code.</summary>
    /// <typeparam name="TWork">The processor's work, registered as a singleton.</typeparam>
    /// <param name="args">The command-line arguments (configuration overrides such as <c>--Pax:Processor:Name=a</c>).</param>
    /// <param name="configure">Adds the work's own services and configuration, after Pax's; or <see langword="null"/>.</param>
    /// <returns>The exit code: <see cref="ProcessorExitCodes"/>.</returns>
    public static async Task<int> RunAsync<TWork>(string[] args, Action<IHostApplicationBuilder>? configure = null)
        where TWork : class, IProcessorWork
    {
        using var shutdown = ShutdownSignal.Listen();
        return await RunAsync<TWork>(args, configure, ProcessorProcess.Current(), shutdown).ConfigureAwait(false);
    }

    /// <summary>Runs the processor with the process's variables, streams and stop signal given (tests).</summary>
    internal static async Task<int> RunAsync<TWork>(string[] args, Action<IHostApplicationBuilder>? configure, ProcessorProcess process, ShutdownSignal shutdown)
        where TWork : class, IProcessorWork
    {
        ArgumentNullException.ThrowIfNull(args);
        var reporter = new StartupFailureReporter(process.Output, process.Error, process.GetVariable, process.TimeProvider);
        if (PhaseHandover.FromEnvironment(process.GetVariable) is not { } handover)
        {
            return reporter.Report(
                $"{PhaseHandover.RunKeyVariable} is not set: name the run key to process (Pax.Orchestration's Cloud Run Job trigger sets it; locally, {PhaseHandover.RunKeyVariable}=2026-02-10 dotnet run).",
                ProcessorExitCodes.InvalidSettings);
        }

        if (CompletionNames.ValidateRunKey(handover.RunKey) is { } problem)
        {
            return reporter.Report($"{PhaseHandover.RunKeyVariable}: {problem}.", ProcessorExitCodes.InvalidSettings);
        }

        IHost host;
        try
        {
            host = Build<TWork>(args, configure, process, reporter);
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex)
        {
            return reporter.Report(ex, ProcessorExitCodes.InvalidSettings);
        }

        using (host)
        {
            return await new ProcessorRun(host.Services, process, reporter).RunAsync(handover, shutdown).ConfigureAwait(false);
        }
    }

    private static IHost Build<TWork>(string[] args, Action<IHostApplicationBuilder>? configure, ProcessorProcess process, StartupFailureReporter reporter)
        where TWork : class, IProcessorWork
    {
        // The settings file beside the program, wherever it is started from (a Cloud Run image, dotnet run, a test).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(ProcessorVariables.Read(process.GetVariable));
        reporter.ConfigureLogging(builder.Logging);
        // A line per request and a warning with a stack trace per retried attempt: a failure that outlasts the retries
        // is reported once, as the run's last line.
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.Services.AddSingleton(process.TimeProvider);
        builder.Services.AddPaxGoogleCloud(builder.Configuration.GetSection(GoogleCloudOptions.SectionName));
        CheckedConfiguration.Bind<ProcessorOptions>(builder.Services, builder.Configuration.GetSection(ProcessorOptions.SectionName));
        builder.Services.AddOptions<ProcessorOptions>().ValidateOnStartOnce();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessorOptions>, ProcessorOptionsValidator>());
        builder.Services.TryAddSingleton<ICompletionPublisher>(sp => new CompletionPublisher(sp.GetRequiredService<PubSubPublisherClient>()));
        builder.Services.AddSingleton<IProcessorWork, TWork>();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
