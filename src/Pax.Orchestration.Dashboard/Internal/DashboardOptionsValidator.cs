using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Internal;

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
        if (!Enum.IsDefined(options.Authentication))
        {
            failures.Add($"{Key}:Authentication must be CloudRunIam, VerifySignature or None (was {options.Authentication}).");
        }

        if (options.Authentication == PushAuthenticationMode.None)
        {
            if (!string.IsNullOrEmpty(environment("K_SERVICE")) && !options.AllowUnauthenticatedOnCloudRun)
            {
                failures.Add($"{Key}:Authentication is None on Cloud Run (K_SERVICE is set): the dashboard would be open to anyone who reaches the service. " +
                    $"Use CloudRunIam with {Key}:AllowedPrincipals and reach it through 'gcloud run services proxy', or set {Key}:AllowUnauthenticatedOnCloudRun=true if that is really wanted.");
            }
        }
        else if (options.AllowedPrincipals.Count == 0)
        {
            failures.Add($"{Key}:AllowedPrincipals is empty: with Authentication {options.Authentication} nobody could use the dashboard; list users or service accounts (alice@example.com, serviceAccount:ops@p.iam.gserviceaccount.com).");
        }

        if (options.Authentication == PushAuthenticationMode.CloudRunIam && string.IsNullOrEmpty(environment("K_SERVICE")))
        {
            failures.Add(CloudRunEnvironment.CloudRunIamOffCloudRun($"{Key}:Authentication"));
        }

        if (options.Authentication == PushAuthenticationMode.VerifySignature && string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Key}:Audience is required with Authentication VerifySignature (the service URL the tokens are issued for).");
        }

        foreach (var principal in options.AllowedPrincipals)
        {
            if (DashboardPrincipals.Email(principal) is null)
            {
                failures.Add($"{Key}:AllowedPrincipals entry '{principal}' is not an email or a user:/serviceAccount: member.");
            }
        }

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
