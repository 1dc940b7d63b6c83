using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>Checks <see cref="DashboardOptions"/> at startup; messages name the configuration key.</summary>
internal sealed class DashboardOptionsValidator(Func<string, string?> environment) : IValidateOptions<DashboardOptions>
{
    private const string Key = DashboardOptions.SectionName;

    public DashboardOptionsValidator()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        var onCloudRun = !string.IsNullOrEmpty(environment("K_SERVICE"));
        if (options.Authentication.Mode == InboundAuthenticationMode.None && onCloudRun && !options.AllowUnauthenticatedOnCloudRun)
        {
            failures.Add($"{Key}:Authentication:Mode is None on Cloud Run (K_SERVICE is set): the dashboard would be open to anyone who reaches the service. " +
                $"Use CloudRunIam with {Key}:Authentication:AllowedPrincipals and reach it through 'gcloud run services proxy', or set {Key}:AllowUnauthenticatedOnCloudRun=true if that is really wanted.");
        }

        failures.AddRange(options.Authentication.Validate($"{Key}:Authentication", "the users or service accounts who may look (alice@example.com, serviceAccount:ops@p.iam.gserviceaccount.com)", onCloudRun));
        if (options.PageSize is < 1 or > 200)
        {
            failures.Add($"{Key}:PageSize must be between 1 and 200 (was {options.PageSize}).");
        }

        if (options.AutoRefresh is { } refresh && (refresh < TimeSpan.FromSeconds(5) || refresh > TimeSpan.FromHours(1)))
        {
            failures.Add($"{Key}:AutoRefresh must be between 00:00:05 and 01:00:00 (was {refresh}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
