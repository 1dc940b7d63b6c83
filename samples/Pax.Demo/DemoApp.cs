using System.Net;
using System.CommandLine;
using System.Globalization;
using Pax.Collection.Runs;
using Pax.GoogleCloud.Hosting;
using Pax.Demo.Console;
using Pax.Demo.Pipeline;
using Pax.Demo.Tracing;
using Pax.Processor.Telemetry;
using Spectre.Console;

namespace Pax.Demo;

/// <summary>
/// The demo as a program: reads the few flags, runs one slot of the pipeline (<see cref="DemoPipeline"/>), prints the
/// summary and returns the exit code: <c>0</c> the pipeline completed; <c>1</c> it did not (a collector task under its
/// floor, a phase not triggered); <c>2</c> a flag is wrong or the demo could not run; <c>130</c> cancelled.
/// </summary>
public static class DemoApp
{
    /// <summary>The exit code of a completed run.</summary>
    public const int Success = 0;

    /// <summary>The exit code when the pipeline ran but did not complete.</summary>
    public const int Incomplete = 1;

    /// <summary>The exit code when a flag is wrong or the demo could not run.</summary>
    public const int Failed = 2;

    /// <summary>The exit code when the run was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    private static readonly Option<string> OutOption = new("--out") { Description = $"Folder for snapshots, reports, the contact sheet and the SQLite tallies [default {DemoSettings.DefaultOut}]", HelpName = "DIR" };
    private static readonly Option<string> SlotOption = new("--slot") { Description = "An instant (ISO-8601) in the 30-minute slot to run; default: now", HelpName = "ISO-8601" };
    private static readonly Option<bool> ServeOption = new("--serve") { Description = "After the run, keep the orchestrator's endpoints (tallies, push intake, watchdog, tick) up until Ctrl+C" };
    private static readonly Option<string> UrlsOption = new("--urls") { Description = $"Where --serve listens [default {DemoSettings.DefaultUrls}]", HelpName = "URL" };

    /// <summary>Runs the demo.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="environment">Output streams and the clock.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl+C), or ends <c>--serve</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, DemoEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand("Pax demo: one schedule slot of the whole pipeline in one process, offline — camera simulator, collector Job of 2 tasks, in-process completions, SQLite tally, exactly-once next phases.")
        {
            OutOption, SlotOption, ServeOption, UrlsOption,
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {error.Message}");
            }

            return Failed;
        }

        root.SetAction((result, ct) => ExecuteAsync(result, environment, ct));
        var invocation = new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, DemoEnvironment environment, CancellationToken cancellationToken)
    {
        DemoSettings settings;
        try
        {
            settings = new DemoSettings
            {
                Out = parse.GetValue(OutOption) ?? DemoSettings.DefaultOut,
                Slot = parse.GetValue(SlotOption) is { } slot ? ParseSlot(slot) : null,
                Serve = parse.GetValue(ServeOption),
                Urls = CheckUrls(parse.GetValue(UrlsOption) ?? DemoSettings.DefaultUrls),
            };
        }
        catch (FormatException ex)
        {
            await environment.Error.WriteLineAsync($"error: {ex.Message}");
            return Failed;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Output),
            Ansi = environment.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!environment.IsTerminal)
        {
            console.Profile.Width = 160;
        }

        var summary = new DemoSummary(console);
        try
        {
            await using var pipeline = await DemoPipeline.StartAsync(settings, environment, cancellationToken);
            DemoOutcome outcome;

            // The slot's spans to an OpenTelemetry collector too, only when OTEL_EXPORTER_OTLP_ENDPOINT is set; flushed here.
            using (OtlpExport.StartWhenConfigured("pax-demo", SlotTrace.ExportedSources))
            {
                outcome = await pipeline.RunAsync(cancellationToken);
            }

            summary.Show(outcome);
            summary.ShowTrace(outcome, Environment.GetEnvironmentVariable(OtlpExport.EndpointVariable) is { } endpoint && !string.IsNullOrWhiteSpace(endpoint) ? endpoint : null);
            if (settings.Serve)
            {
                await pipeline.ServeAsync(
                    urls =>
                    {
                        summary.ShowServing(urls);
                        environment.Serving?.Invoke(urls);
                    },
                    cancellationToken);
            }

            return outcome.Succeeded ? Success : Incomplete;
        }
        catch (Exception ex) when (ex is OperationCanceledException or CollectionCancelledException && cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("cancelled: the slot's snapshots stored so far are kept; run again to finish it (nothing is stored or triggered twice).");
            return Cancelled;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever stopped it (a folder it cannot write, a port in use, a bad setting, a bug): one `error: …` line, no
            // stack trace; the whole exception at Debug level (Logging__LogLevel__Default=Debug shows it on stderr).
            using var failureLog = environment.CreateFailureLog();
            return new StartupFailureReporter(environment.Output, environment.Error, Environment.GetEnvironmentVariable, environment.TimeProvider)
                .Report(ex, Failed, failureLog.CreateLogger("Pax.Demo"));
        }
    }

    // --serve runs push, scheduling and the dashboard without authentication: listen on loopback only, over plain HTTP.
    private static string CheckUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (UrlProblem(url) is { } problem)
            {
                throw new FormatException($"--urls '{url}' {problem}");
            }
        }

        return urls;
    }

    /// <summary>Why <paramref name="url"/> cannot be served, or <see langword="null"/>: what Kestrel would otherwise fail on after the run.</summary>
    private static string? UrlProblem(string url)
    {
        var parsed = Uri.TryCreate(url, UriKind.Absolute, out var uri);
        var address = parsed && IPAddress.TryParse(uri!.Host, out var ip) ? ip : null;
        var loopback = parsed && (string.Equals(uri!.Host, "localhost", StringComparison.OrdinalIgnoreCase) || (address is not null && IPAddress.IsLoopback(address)));
        if (!loopback)
        {
            return $"must be on localhost or a loopback address (such as {DemoSettings.DefaultUrls}): --serve runs its endpoints without authentication.";
        }

        if (uri!.Scheme == Uri.UriSchemeHttps)
        {
            return $"is https, but the demo has no certificate to serve it with: use {Uri.UriSchemeHttp}://{uri.Authority}.";
        }

        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            return $"must be an http:// URL, such as {DemoSettings.DefaultUrls}.";
        }

        // An IPv4-mapped IPv6 loopback ([::ffff:127.0.0.1]) is loopback, but a socket cannot listen on it (EINVAL): name the IPv4 address.
        return address is { IsIPv4MappedToIPv6: true }
            ? $"is an IPv4-mapped IPv6 address, which cannot be listened on: use {Uri.UriSchemeHttp}://{address.MapToIPv4()}:{uri.Port}."
            : null;
    }

    private static DateTimeOffset ParseSlot(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var slot)
            ? slot
            : throw new FormatException($"--slot '{text}' is not an ISO-8601 instant, such as 2026-02-10T14:30:00Z.");
}
