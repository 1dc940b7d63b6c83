using Microsoft.Extensions.Options;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Deployment;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Completion.Triggers.Internal;
using Pax.Orchestration.Completion.Watchdog.Internal;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>Validates <see cref="OrchestrationOptions"/> at startup; every message names the configuration key.</summary>
internal sealed class OrchestrationOptionsValidator : IValidateOptions<OrchestrationOptions>
{
    private const string Section = OrchestrationOptions.SectionName;
    private readonly Func<string, string?> _getVariable;
    private readonly HashSet<string>? _handlers;

    public OrchestrationOptionsValidator()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>The validator DI builds: also checks that each <c>Trigger:Handler</c> names a registered next-phase handler.</summary>
    public OrchestrationOptionsValidator(IEnumerable<NextPhaseHandlerRegistration> handlers, ProcessEnvironment environment)
        : this(environment.Get)
    {
        _handlers = handlers.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
    }

    internal OrchestrationOptionsValidator(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    public ValidateOptionsResult Validate(string? name, OrchestrationOptions options)
    {
        var failures = new List<string>();
        ValidateCloudRun(options, failures);
        if (options.Phases.Count == 0)
        {
            failures.Add(
                $"{Section}:Phases needs at least one phase: set {Section}:Phases:0:Name, :Processors (or :ExpectedCount) and :Trigger "
                + $"in a settings file or as environment variables ({Section.Replace(":", "__", StringComparison.Ordinal)}__Phases__0__Name=…); "
                + "a settings file of one environment (appsettings.Development.json) is read only when ASPNETCORE_ENVIRONMENT (or DOTNET_ENVIRONMENT) names it.");
        }

        for (var i = 0; i < options.Phases.Count; i++)
        {
            ValidatePhase(options.Phases[i], $"{Section}:Phases:{i}", failures);
        }

        foreach (var duplicate in options.Phases.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{Section}:Phases has phase '{duplicate.Key}' more than once.");
        }

        ValidatePush(options, failures);
        ValidateTimes(options, failures);
        failures.AddRange(options.Firestore.ConflictRetry.Validate($"{Section}:Firestore:ConflictRetry"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidatePhase(PhaseDefinition phase, string key, List<string> failures)
    {
        if (CompletionNames.ValidatePhase(phase.Name) is { } problem)
        {
            failures.Add($"{key}:Name: {problem}.");
        }

        var named = phase.Processors.Count > 0;
        if (named == phase.ExpectedCount.HasValue)
        {
            failures.Add($"{key}: set either Processors or ExpectedCount (exactly one).");
        }

        if (phase.ExpectedCount is < 1 or > CompletionLimits.MaxFanIn)
        {
            failures.Add($"{key}:ExpectedCount must be between 1 and {CompletionLimits.MaxFanIn}, the widest fan-in a tally takes (as many as a Cloud Run job's tasks) (was {phase.ExpectedCount}); split a wider fan-in into phases.");
        }

        if (phase.Processors.Count > CompletionLimits.MaxFanIn)
        {
            failures.Add($"{key}:Processors names {phase.Processors.Count} processors; a tally takes at most {CompletionLimits.MaxFanIn}: use ExpectedCount, or split the fan-in into phases.");
        }

        ValidateProcessorNames(phase.Processors, key + ":Processors", failures);

        var expected = named ? phase.Processors.Count : phase.ExpectedCount ?? 0;
        if (phase.Threshold is { } threshold && (threshold < 1 || threshold > expected))
        {
            failures.Add($"{key}:Threshold must be between 1 and {expected} (was {threshold}).");
        }

        if (phase.Deadline is { } deadline && deadline <= TimeSpan.Zero)
        {
            failures.Add($"{key}:Deadline must be positive (was {deadline}).");
        }

        ValidateExpected(phase, key, failures);
        if (phase.CustomTrigger is null)
        {
            ValidateTrigger(phase.Trigger, key + ":Trigger", failures);
        }
    }

    /// <summary>
    /// Each processor name exactly as processors send it: valid, without spaces around it (a template's <c>--processors
    /// "a, b"</c> or a deploy script's <c>PROCESSORS="a, b"</c> would otherwise wait for " b" forever), and named once.
    /// </summary>
    private static void ValidateProcessorNames(List<string> processors, string key, List<string> failures)
    {
        for (var i = 0; i < processors.Count; i++)
        {
            var name = processors[i];
            if (CompletionNames.ValidateProcessor(name) is { } problem)
            {
                failures.Add($"{key}:{i}: {problem}.");
            }
            else if (name.Trim() != name)
            {
                failures.Add($"{key}:{i} '{name}' has spaces around it; reports name it exactly, so write '{name.Trim()}'.");
            }
        }

        // Plain loops, not LINQ over (name, index) tuples: this runs in every start, before the first request, and each
        // such generic instantiation is compiled at run time (README › Benchmarks › Cold start).
        var entries = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < processors.Count; i++)
        {
            var name = processors[i].Trim();
            if (!entries.TryGetValue(name, out var indexes))
            {
                entries[name] = indexes = [];
            }

            indexes.Add(i);
        }

        foreach (var (name, indexes) in entries)
        {
            if (indexes.Count > 1)
            {
                failures.Add($"{key} names processor '{name}' more than once (entries {string.Join(", ", indexes)}).");
            }
        }
    }

    private static void ValidateExpected(PhaseDefinition phase, string key, List<string> failures)
    {
        if (phase.Expected is not { } expected)
        {
            return;
        }

        if (phase.Deadline is null)
        {
            failures.Add($"{key}:Deadline is required with {key}:Expected (a run key nobody reported for is overdue Deadline after its expected time).");
        }

        ExpectedRunCalendar.Create(expected, phase.Deadline, key + ":Expected", failures);
    }

    private void ValidateTrigger(PhaseTriggerOptions trigger, string key, List<string> failures)
    {
        var set = (string.IsNullOrWhiteSpace(trigger.Topic) ? 0 : 1) + (string.IsNullOrWhiteSpace(trigger.Job) ? 0 : 1) + (trigger.Url is null ? 0 : 1) + (string.IsNullOrWhiteSpace(trigger.Handler) ? 0 : 1);
        if (set != 1)
        {
            failures.Add($"{key}: set exactly one of Topic, Job, Url and Handler (found {set}).");
        }

        if (!string.IsNullOrWhiteSpace(trigger.Handler) && _handlers is not null && !_handlers.Contains(trigger.Handler))
        {
            failures.Add($"{key}:Handler '{trigger.Handler}' is not a registered next-phase handler: register it with services.AddNextPhaseHandler<THandler>(\"{trigger.Handler}\") (registered: {(_handlers.Count == 0 ? "none" : string.Join(", ", _handlers.Order(StringComparer.Ordinal)))}).");
        }

        if (!string.IsNullOrWhiteSpace(trigger.Topic) && !PubSubPublisherClient.IsTopicName(trigger.Topic))
        {
            failures.Add($"{key}:Topic '{trigger.Topic}' must be projects/P/topics/T.");
        }

        if (!string.IsNullOrWhiteSpace(trigger.Job) && !CloudRunJobsClient.IsJobName(trigger.Job))
        {
            failures.Add($"{key}:Job '{trigger.Job}' must be projects/P/locations/R/jobs/J.");
        }

        if (trigger.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{key}:Url '{url}' must be an absolute http(s) URL.");
        }
        else if (trigger.Url is { } api && SchedulerTarget.IsGoogleApi(api))
        {
            failures.Add($"{key}:Url '{api}' is a Google API, which rejects OIDC ID tokens (401): use Job (OAuth) or Topic instead.");
        }
    }

    /// <summary>On Cloud Run (<c>K_SERVICE</c>) refuse what silently breaks there: a per-instance SQLite file by default, and no authentication.</summary>
    private void ValidateCloudRun(OrchestrationOptions options, List<string> failures)
    {
        if (_getVariable(CloudRunEnvironment.ServiceVariable) is not { Length: > 0 } service)
        {
            return;
        }

        if (options.Store is null)
        {
            failures.Add($"{Section}:Store is not set and this is Cloud Run service '{service}': set it to Firestore (tallies shared by every instance) or, for one instance only, Sqlite on a persistent volume.");
        }

        if (options.Authentication.Mode == InboundAuthenticationMode.None)
        {
            failures.Add($"{Section}:Authentication:Mode is None on Cloud Run service '{service}': anyone who reaches the service could report completions and start phases. Use CloudRunIam (private service) or VerifySignature (public service); None is for local runs and emulators.");
        }
    }

    private void ValidatePush(OrchestrationOptions options, List<string> failures)
    {
        var push = options.Push;
        if (push.AckDeadline < TimeSpan.FromSeconds(10) || push.AckDeadline > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:Push:AckDeadline must be between 10 seconds and 10 minutes, as Pub/Sub's ackDeadlineSeconds (was {push.AckDeadline}).");
        }

        var onCloudRun = _getVariable(CloudRunEnvironment.ServiceVariable) is { Length: > 0 };
        failures.AddRange(options.Authentication.Validate($"{Section}:Authentication", "the push subscription's service account", onCloudRun));
        failures.AddRange(InboundPrincipals.Validate(options.OperatorAccounts, $"{Section}:OperatorAccounts"));
    }

    private static void ValidateTimes(OrchestrationOptions options, List<string> failures)
    {
        if (options.TriggerTimeout < TimeSpan.FromMilliseconds(100) || options.TriggerTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:TriggerTimeout must be between 100 ms and 10 minutes (was {options.TriggerTimeout}).");
        }

        if (options.TriggerTimeout >= options.Push.AckDeadline - TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:TriggerTimeout must be shorter than {Section}:Push:AckDeadline less one second (was {options.TriggerTimeout}; the ack deadline is {options.Push.AckDeadline}).");
        }

        if (options.ClaimLease < TimeSpan.FromSeconds(1) || options.ClaimLease > TimeSpan.FromHours(1) || options.ClaimLease <= options.TriggerTimeout)
        {
            failures.Add($"{Section}:ClaimLease must be between 1 second and 1 hour and longer than TriggerTimeout (was {options.ClaimLease}).");
        }

        if (options.MaxMessageBytes is < 1024 or > 10 * 1024 * 1024)
        {
            failures.Add($"{Section}:MaxMessageBytes must be between 1024 and 10485760 (was {options.MaxMessageBytes}).");
        }

        if (options.WatchdogBatchSize is < 1 or > 10_000)
        {
            failures.Add($"{Section}:WatchdogBatchSize must be between 1 and 10000 (was {options.WatchdogBatchSize}).");
        }

        ValidateRetention(options.Retention, failures);

        if (options.Store is Pax.Orchestration.Stores.OrchestrationStoreKind.Sqlite && string.IsNullOrWhiteSpace(options.Sqlite.Path))
        {
            failures.Add($"{Section}:Sqlite:Path is required for the SQLite store.");
        }
    }

    private static void ValidateRetention(RetentionOptions retention, List<string> failures)
    {
        foreach (var (name, age) in new[] { ("PulseMaxAge", retention.PulseMaxAge), ("RejectedMaxAge", retention.RejectedMaxAge) })
        {
            if (age < TimeSpan.FromDays(2) || age > TimeSpan.FromDays(3650))
            {
                failures.Add($"{Section}:Retention:{name} must be between 2 days and 3650 days (was {age}).");
            }
        }

        if (retention.MaxDeletesPerRun is < 1 or > 10_000)
        {
            failures.Add($"{Section}:Retention:MaxDeletesPerRun must be between 1 and 10000 (was {retention.MaxDeletesPerRun}).");
        }
    }
}
