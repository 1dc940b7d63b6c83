using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pax.Tool.Doctor;

namespace Pax.Tool;

/// <summary>The <c>pax</c> command line: parses the arguments and runs the sub-command (<c>doctor</c>).</summary>
internal static class PaxApp
{
    /// <summary>Runs <c>pax</c>.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="console">Output streams and environment.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl+C).</param>
    /// <param name="configureServices">Adds to the services after Pax.GoogleCloud's (tests: a credential stand-in).</param>
    /// <returns>The exit code (<see cref="DoctorExitCodes"/>); an exception nothing else expected is one <c>error:</c> line on stderr and <see cref="DoctorExitCodes.Unexpected"/>.</returns>
    public static async Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        var doctor = new DoctorCommand();
        var root = new RootCommand("pax: tools for Pax pipelines on Google Cloud.") { doctor.Command };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'pax doctor --help' for the flags.").ConfigureAwait(false);
            return DoctorExitCodes.Usage;
        }

        doctor.Command.SetAction((result, ct) => DoctorApp.RunAsync(doctor.Resolve(result), console, ct, configureServices));
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("cancelled: nothing was reported.").ConfigureAwait(false);
            return DoctorExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The last line of defence: whatever pax did not expect is one line and an exit code a script can test,
            // never a stack trace (there is no verbose flag to ask for one).
            await console.Error.WriteLineAsync($"error: pax stopped on an unexpected {ex.GetType().Name}: {OneLine(ex.Message)} (a bug in pax: please report it with the command line).")
                .ConfigureAwait(false);
            return DoctorExitCodes.Unexpected;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
