using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Internal;
using Pax.Tool.Doctor.Checks;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Fixes;
using Pax.Tool.Doctor.Inventory;
using Pax.Tool.Doctor.Output;

namespace Pax.Tool.Doctor;

/// <summary>
/// Runs <c>pax doctor</c>: compose Pax.GoogleCloud's clients, read the project, check, (with <c>--fix</c>) apply the safe
/// fixes and check again, write the report, return the exit code.
/// </summary>
internal static class DoctorApp
{
    /// <summary>How much of one list is read: 100 pages or 10,000 items (past that: <c>incomplete</c>, with the reason).</summary>
    public static readonly GoogleListLimits ListLimits = new(MaxPages: 100, MaxItems: 10_000);

    /// <summary>The <c>api</c> of the one <c>incomplete</c> entry when Google cannot be reached at all.</summary>
    public const string NetworkApi = "network";

    public static async Task<int> RunAsync(DoctorSettings settings, ToolConsole console, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();

        // CLOUDSDK_API_ENDPOINT_OVERRIDES_<API> as the tool's environment has them (AddPaxGoogleCloud also reads the process's own),
        // and lists capped so that one whose every page names a next page still ends.
        services.AddPaxGoogleCloud(options =>
        {
            GoogleApiEndpointOverrides.Apply(options, console.GetVariable);
            options.ListLimits = ListLimits;
        });
        configureServices?.Invoke(services);
        await using var provider = services.BuildServiceProvider();
        try
        {
            // A malformed CLOUDSDK_API_ENDPOINT_OVERRIDES_<API> or GoogleCloud option is a usage mistake: one line, nothing read.
            _ = provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return DoctorExitCodes.Usage;
        }

        try
        {
            if (await CredentialProblemAsync(provider, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                var nothing = new DoctorReport(settings.Project, [], [problem], new CheckedCounts(settings.Regions.Count, 0, 0, 0, 0, 0, 0, 0, 0, 0));
                await WriteAsync(nothing, settings, console, cancellationToken).ConfigureAwait(false);
                return nothing.ExitCode;
            }

            var clients = DoctorClients.From(provider);
            var progress = new DoctorProgress(console.Error, console.ErrorIsTerminal);
            var report = await CheckAsync(clients, settings, progress, cancellationToken).ConfigureAwait(false);
            if (settings.Fix)
            {
                // The JSON document stays alone on stdout: the plan and the question go to stderr then.
                var planOutput = settings.Format == DoctorFormat.Json ? console.Error : console.Out;
                var fixer = new DoctorFixer(clients.RunIam, clients.Scheduler);
                await fixer.RunAsync(report.Findings, planOutput, console.In, settings.Yes, cancellationToken).ConfigureAwait(false);
                report = await CheckAsync(clients, settings, progress, cancellationToken).ConfigureAwait(false);
            }

            await WriteAsync(report, settings, console, cancellationToken).ConfigureAwait(false);
            return report.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("cancelled: nothing was reported.").ConfigureAwait(false);
            return DoctorExitCodes.Cancelled;
        }
    }

    /// <summary>
    /// Fetches a token once before reading, unless every endpoint is a loopback http override (no token is used then),
    /// so missing or broken Application Default Credentials are one clear <c>incomplete</c> entry instead of an error per
    /// read — and a machine that cannot reach Google (offline, no DNS, a proxy in the way) is told so, not sent to log in.
    /// </summary>
    private static async Task<IncompleteCheck?> CredentialProblemAsync(IServiceProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value;
        Uri?[] endpoints =
        [
            options.CloudRunEndpoint, options.CloudSchedulerEndpoint, options.PubSubEndpoint, options.CloudResourceManagerEndpoint, options.EventarcEndpoint,
            options.CloudFunctionsEndpoint, options.MonitoringEndpoint,
        ];
        if (endpoints.All(e => e is not null && GoogleApiEndpointOverrides.IsLoopbackHttp(e)))
        {
            return null;
        }

        try
        {
            await provider.GetRequiredService<IGoogleAccessTokenProvider>().GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (NetworkFailure.Describe(ex, cancellationToken) is { } failure)
        {
            return new IncompleteCheck(NetworkApi, "global",
                $"Cannot reach Google to get an access token: {failure}; nothing was read. Check the network connection "
                + "(and HTTPS_PROXY, if a proxy is needed) and run pax doctor again; the credentials themselves were not checked.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new IncompleteCheck("credentials", "global",
                $"No access token from Application Default Credentials ({ex.Message}); nothing was read. Run 'gcloud auth application-default login', or set GOOGLE_APPLICATION_CREDENTIALS.");
        }
    }

    private static async Task<DoctorReport> CheckAsync(DoctorClients clients, DoctorSettings settings, DoctorProgress progress, CancellationToken cancellationToken)
    {
        var inventory = await new InventoryReader(clients)
            .ReadAsync(settings.Project, settings.Regions, settings.Timeout, progress, DoctorChecks.NeedsAncestors, cancellationToken).ConfigureAwait(false);
        return DoctorChecks.Run(inventory);
    }

    private static async Task WriteAsync(DoctorReport report, DoctorSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        if (settings.Format == DoctorFormat.Json)
        {
            await JsonReportWriter.WriteAsync(report, console.Out, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            TableReportWriter.Write(report, console);
        }
    }
}
