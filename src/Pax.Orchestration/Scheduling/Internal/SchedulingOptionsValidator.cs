using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;
using Pax.Orchestration.Scheduling.Handlers.Internal;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>Checks <see cref="SchedulingOptions"/> at startup; every message names the configuration key.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    private const string Section = SchedulingOptions.SectionName;
    private readonly Func<string, string?> _getVariable;

    public SchedulingOptionsValidator()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>The validator DI builds, reading the environment DI provides.</summary>
    public SchedulingOptionsValidator(ProcessEnvironment environment)
        : this(environment.Get)
    {
    }

    internal SchedulingOptionsValidator(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var failures = new List<string>();
        Range(failures, "Lease", options.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, "TickBudget", options.TickBudget, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(30));
        Range(failures, "RetryMaxDelay", options.RetryMaxDelay, TimeSpan.Zero, TimeSpan.FromDays(7));
        Range(failures, "RetryBaseDelay", options.RetryBaseDelay, TimeSpan.FromSeconds(1), options.RetryMaxDelay);
        Range(failures, "MaxJobsPerTick", options.MaxJobsPerTick, 1, 10_000);
        Range(failures, "MaxConcurrency", options.MaxConcurrency, 1, 256);
        Range(failures, "DefaultMaxAttempts", options.DefaultMaxAttempts, 1, 100);
        Range(failures, "History:MaxOutcomes", options.History.MaxOutcomes, 1, 100);
        Range(failures, "History:MaxAge", options.History.MaxAge, TimeSpan.FromHours(1), TimeSpan.FromDays(3650));
        failures.AddRange(options.Firestore.ConflictRetry.Validate($"{Section}:Firestore:ConflictRetry"));
        var service = _getVariable(CloudRunEnvironment.ServiceVariable) is { Length: > 0 } serviceName ? serviceName : null;
        failures.AddRange(options.Authentication.Validate($"{Section}:Authentication", "the Cloud Scheduler job's service account", service is not null));
        failures.AddRange(InboundPrincipals.Validate(options.JobCreators, $"{Section}:JobCreators"));
        if (service is not null)
        {
            if (options.Store is null)
            {
                failures.Add($"{Section}:Store is not set and this is Cloud Run service '{service}': set it to Firestore (jobs shared by every instance) or, for one instance only, Sqlite on a persistent volume.");
            }

            if (options.Authentication.Mode == InboundAuthenticationMode.None)
            {
                failures.Add($"{Section}:Authentication:Mode is None on Cloud Run service '{service}': anyone who reaches the service could run ticks and create jobs. Use CloudRunIam (private service) or VerifySignature (public service); None is for local runs and emulators.");
            }
        }

        if (options.Store == OrchestrationStoreKind.Sqlite && string.IsNullOrWhiteSpace(options.Sqlite.Path))
        {
            failures.Add($"{Section}:Sqlite:Path is required for the SQLite store.");
        }

        if (options.Store == OrchestrationStoreKind.Firestore && string.IsNullOrWhiteSpace(options.Firestore.ProjectId))
        {
            failures.Add($"{Section}:Firestore:ProjectId (or GOOGLE_CLOUD_PROJECT) is required for the Firestore store.");
        }

        ValidateShardsCollection(failures, options.Firestore);
        ValidateHttpJobs(failures, options.HttpJobs);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A collection id: not empty, no '/', not '.' or '..', not __.*__ (https://firebase.google.com/docs/firestore/quotas#collections_documents_and_fields).
    // Not the jobs' or the deliveries' collection: a shard lease document would sit among jobs ("00"–"15") or deliveries.
    private static void ValidateShardsCollection(List<string> failures, SchedulingFirestoreOptions firestore)
    {
        var id = firestore.ShardsCollection;
        if (string.IsNullOrWhiteSpace(id) || id.Contains('/', StringComparison.Ordinal) || id is "." or ".."
            || (id.Length >= 4 && id.StartsWith("__", StringComparison.Ordinal) && id.EndsWith("__", StringComparison.Ordinal)))
        {
            failures.Add($"{Section}:Firestore:ShardsCollection '{id}' is not a Firestore collection id (not empty, no '/', not '.' or '..', not __name__); the default is scheduler_shards.");
        }
        else if (string.Equals(id, firestore.Collection, StringComparison.Ordinal) || string.Equals(id, firestore.TicksCollection, StringComparison.Ordinal))
        {
            failures.Add($"{Section}:Firestore:ShardsCollection '{id}' is also the jobs' (Collection) or the handled deliveries' (TicksCollection) collection: shard leases need one of their own (default scheduler_shards).");
        }
    }

    private static void ValidateHttpJobs(List<string> failures, HttpJobOptions options)
    {
        for (var i = 0; i < options.AllowedUrls.Count; i++)
        {
            var entry = options.AllowedUrls[i];
            if (!HttpJobDestinations.TryParsePrefix(entry, out var prefix))
            {
                failures.Add($"{HttpJobDestinations.AllowedUrlsKey}:{i} ('{entry}') must be an absolute http or https URL prefix without user info, query or fragment.");
            }
            else if (HttpJobDestinations.IsForbiddenHost(prefix))
            {
                failures.Add($"{HttpJobDestinations.AllowedUrlsKey}:{i} ('{entry}') is a link-local or metadata destination; http jobs never go there.");
            }
        }

        if (options.AllowedAudiences.Count > 0 && options.AllowedUrls.Count == 0)
        {
            failures.Add($"{HttpJobDestinations.AllowedAudiencesKey} needs {HttpJobDestinations.AllowedUrlsKey}: a listed audience is only sent to allow-listed URLs, never to any URL a job names.");
        }

        for (var i = 0; i < options.AllowedAudiences.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.AllowedAudiences[i]))
            {
                failures.Add($"{HttpJobDestinations.AllowedAudiencesKey}:{i} must not be empty.");
            }
        }
    }

    private static void Range<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{Section}:{key} must be between {min} and {max} (was {value}).");
        }
    }
}
