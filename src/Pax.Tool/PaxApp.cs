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
    /// <returns>The exit code (<see cref="DoctorExitCodes"/>).</returns>
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
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
