using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Project;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// Turns the gcloud commands of a script into token findings (PAX001, PAX003), invocations of Cloud Run targets and
/// <c>roles/run.invoker</c> grants (PAX002), and notes the Cloud Build configs it submits.
/// </summary>
internal sealed class GcloudDeploymentReader
{
    /// <summary>The config <c>gcloud builds submit</c> runs when none is given.</summary>
    private const string DefaultBuildConfig = "cloudbuild.yaml";

    private readonly Func<TextSpan, Location> _locate;
    private readonly List<TokenFinding> _findings;
    private readonly DeploymentUnit _unit;
    private readonly List<string>? _submittedConfigs;

    private GcloudDeploymentReader(Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit, List<string>? submittedConfigs)
    {
        _locate = locate;
        _findings = findings;
        _unit = unit;
        _submittedConfigs = submittedConfigs;
    }

    /// <summary>Reads every gcloud command of <paramref name="script"/> into <paramref name="findings"/> and <paramref name="unit"/>.</summary>
    public static void Read(ShellScript script, Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit) =>
        Read(script.Commands, new GcloudDeploymentReader(locate, findings, unit, null));

    /// <summary>Reads every gcloud command of <paramref name="script"/> into <paramref name="facts"/>.</summary>
    public static void Read(ShellScript script, Func<TextSpan, Location> locate, DeploymentFacts facts) =>
        Read(script.Commands, new GcloudDeploymentReader(locate, facts.Findings, facts.Unit, facts.SubmittedConfigs));

    /// <summary>Reads one gcloud command (a Cloud Build step's arguments) into <paramref name="facts"/>.</summary>
    public static void Read(GcloudCommand command, Func<TextSpan, Location> locate, DeploymentFacts facts) =>
        new GcloudDeploymentReader(locate, facts.Findings, facts.Unit, facts.SubmittedConfigs).Read(command);

    private static void Read(IReadOnlyList<ShellCommand> commands, GcloudDeploymentReader reader)
    {
        foreach (var command in commands)
        {
            if (GcloudCommand.From(command) is { } gcloud)
            {
                reader.Read(gcloud);
            }
        }
    }

    private void Read(GcloudCommand command)
    {
        if (command.Is("scheduler", "jobs", "create", "http") || command.Is("scheduler", "jobs", "update", "http"))
        {
            ReadSchedulerJob(command, isCreate: command.Is("scheduler", "jobs", "create"));
        }
        else if (command.Is("pubsub", "subscriptions", "create") || command.Is("pubsub", "subscriptions", "update")
            || command.Is("pubsub", "subscriptions", "modify-push-config"))
        {
            ReadPushSubscription(command, authRequired: command.Is("pubsub", "subscriptions", "update"));
        }
        else if (command.Is("eventarc", "triggers", "create") || command.Is("eventarc", "triggers", "update"))
        {
            ReadEventarcTrigger(command);
        }
        else if (command.Is("functions", "deploy"))
        {
            ReadFunctionDeploy(command);
        }
        else if (command.Is("run", "deploy") || command.Is("run", "services", "update"))
        {
            var name = command.Is("run", "deploy") ? command.Argument(2) : command.Argument(3);
            if (command.Is("run", "deploy"))
            {
                _unit.AddService(name);
            }

            if (MayBePublic(command, arity: command.Is("run", "deploy") ? 3 : 4))
            {
                _unit.Add(InvokerGrant.PublicOn(DeploymentUnit.TargetKey(name)));
            }
        }
        else if (command.Is("builds", "submit") || command.Is("builds", "triggers", "create"))
        {
            // The config file a build runs: --config for submit, --build-config (or --inline-config, read into the
            // trigger) for triggers (cloud.google.com/sdk/gcloud/reference/builds/submit, …/builds/triggers/create/github).
            if ((command.Flag("config") ?? command.Flag("build-config") ?? command.Flag("inline-config"))?.Value is { } config)
            {
                _submittedConfigs?.Add(WrittenConfig.NormalizePath(config));
            }
            else if (command.Is("builds", "submit") && !command.Has("tag") && !command.Has("pack"))
            {
                // Without --config, --tag or --pack a build runs cloudbuild.yaml of the current directory: gcloud's
                // "--config; default=cloudbuild.yaml" ("By default, find this in the current dir", builds/submit).
                _submittedConfigs?.Add(DefaultBuildConfig);
            }
        }
        else
        {
            ReadGrant(command);
        }
    }

    private void ReadSchedulerJob(GcloudCommand command, bool isCreate)
    {
        var uri = command.Flag("uri");
        if (uri?.Value is null)
        {
            return;
        }

        var kind = TargetHost.Classify(uri.Value);
        var target = UnknownText.Display(uri.Value);
        var oidc = command.Flag("oidc-service-account-email");
        var oauth = command.Flag("oauth-service-account-email");
        AddFinding(oidc is null ? null : TokenRule.ForOidc(kind), oidc, target);
        AddFinding(oauth is null ? null : TokenRule.ForOAuth(kind), oauth, target);
        var source = Named("Cloud Scheduler job", command.Argument(4));
        // A value known only at run time where a flag name goes may be the token flag: can't tell (no PAX004).
        var mayHoldToken = oidc is null && oauth is null && command.MayHoldUnknownFlags(arity: 5);
        if (kind == TargetKind.GoogleApi && isCreate && oidc is null && oauth is null && !mayHoldToken)
        {
            // PAX004: Google APIs answer 401 to a call without a token (FACTS.md §4.2).
            _findings.Add(new TokenFinding(RuleDescriptors.MissingToken, _locate(uri.Span), target, RuleDescriptors.GoogleApiNeedsOAuth));
        }

        if (kind == TargetKind.CloudRun && oauth is null && (oidc is not null || isCreate))
        {
            var account = oidc is not null ? oidc.Value ?? UnknownText.Value : mayHoldToken ? UnknownText.Value : null;
            _unit.Add(new Invocation(_locate(uri.Span), source, target, account, InvocationTarget.FromCloudRunUrl(uri.Value), Setting(oidc)));
        }
        else if (oauth is not null && TargetHost.JobOfRunUrl(uri.Value) is { } job)
        {
            var body = command.Flag("message-body")?.Value;
            var overrides = body is not null && body.IndexOf("overrides", StringComparison.OrdinalIgnoreCase) >= 0;
            _unit.Add(new Invocation(_locate(uri.Span), source, target, oauth.Value ?? UnknownText.Value, InvocationTarget.Job(job, overrides), Setting(oauth)));
        }
    }

    private void ReadPushSubscription(GcloudCommand command, bool authRequired)
    {
        var endpoint = command.Flag("push-endpoint");
        if (endpoint?.Value is null)
        {
            return;
        }

        var kind = TargetHost.Classify(endpoint.Value);
        var target = UnknownText.Display(endpoint.Value);
        var account = command.Flag("push-auth-service-account");
        AddFinding(account is null ? null : TokenRule.ForOidc(kind), account, target);
        var mayHoldToken = account is null && command.MayHoldUnknownFlags(arity: 4);
        if (kind == TargetKind.GoogleApi && account is null && !authRequired && !mayHoldToken)
        {
            _findings.Add(new TokenFinding(RuleDescriptors.MissingToken, _locate(endpoint.Span), target, RuleDescriptors.GoogleApiNeedsOAuth));
        }

        if (kind == TargetKind.CloudRun && (account is not null || !authRequired))
        {
            var source = Named("Pub/Sub push subscription", command.Argument(3));
            var caller = account is not null ? account.Value ?? UnknownText.Value : mayHoldToken ? UnknownText.Value : null;
            _unit.Add(new Invocation(_locate(endpoint.Span), source, target, caller, InvocationTarget.FromCloudRunUrl(endpoint.Value), Setting(account)));
        }
    }

    private void ReadEventarcTrigger(GcloudCommand command)
    {
        var destination = command.Flag("destination-run-service");
        if (destination is null)
        {
            return;
        }

        var source = Named("Eventarc trigger", command.Argument(3));
        var service = UnknownText.Display(destination.Value ?? UnknownText.Value);
        var account = command.Flag("service-account");
        _unit.Add(new Invocation(_locate(destination.Span), source, service, AccountOf(account), InvocationTarget.Service(destination.Value), Setting(account)));
    }

    /// <summary>
    /// <c>gcloud functions deploy</c>: <c>--gen2</c> makes a 2nd gen function (a Cloud Run service, event triggers
    /// through Eventarc), <c>--no-gen2</c> a 1st gen one (not behind Cloud Run: an event-triggered 1st gen function has
    /// no HTTP invoker check). Without either, gcloud 492.0.0 (2024-09-10) and later create new functions as 2nd gen,
    /// earlier releases as 1st gen, and a redeploy keeps an existing 1st gen function 1st gen (gcloud RELEASE_NOTES,
    /// 492.0.0 "Cloud Functions"; the <c>functions/gen2</c> property also decides): the generation is unknown.
    /// </summary>
    private void ReadFunctionDeploy(GcloudCommand command)
    {
        var name = command.Argument(2);
        var generation = command.Has("gen2") ? FunctionGeneration.Second
            : command.Has("no-gen2") ? FunctionGeneration.First
            : FunctionGeneration.Unknown;
        _unit.AddFunction(name, generation);
        if (MayBePublic(command, arity: 3))
        {
            _unit.Add(InvokerGrant.PublicOn(DeploymentUnit.TargetKey(name)));
        }

        var trigger = command.Flag("trigger-topic") ?? command.Flag("trigger-event-filters")
            ?? command.Flag("trigger-bucket") ?? command.Flag("trigger-event");
        if (trigger is null || generation != FunctionGeneration.Second)
        {
            return;
        }

        var display = UnknownText.Display(name ?? UnknownText.Value);
        var account = command.Flag("trigger-service-account");
        _unit.Add(new Invocation(_locate(trigger.Span), "Eventarc trigger of function '" + display + "'", display, AccountOf(account), InvocationTarget.Service(name), Setting(account)));
    }

    /// <summary>
    /// Whether a deploy (<c>run deploy</c>, <c>run services update</c>, <c>functions deploy</c>) makes its target public:
    /// <c>--allow-unauthenticated</c> or <c>--no-invoker-iam-check</c>; or may, when an unknown value stands where a flag
    /// name goes ("can't tell", <see cref="GcloudCommand.MayHoldUnknownFlags"/>) — never when it says
    /// <c>--no-allow-unauthenticated</c>.
    /// </summary>
    private static bool MayBePublic(GcloudCommand command, int arity) =>
        command.Has("allow-unauthenticated") || command.Has("no-invoker-iam-check")
        || (!command.Has("no-allow-unauthenticated") && command.MayHoldUnknownFlags(arity));

    private void ReadGrant(GcloudCommand command)
    {
        var member = command.Flag("member")?.Value ?? UnknownText.Value;
        if (command.Is("functions", "add-invoker-policy-binding"))
        {
            // Adds roles/cloudfunctions.invoker on a 1st gen function, roles/run.invoker on a 2nd gen one's service
            // (cloud.google.com/sdk/gcloud/reference/functions/add-invoker-policy-binding): the right role either way.
            _unit.Add(new InvokerGrant(member, null, DeploymentUnit.TargetKey(command.Argument(2))));
        }
        else if (command.Is("run", "services", "add-iam-policy-binding") || command.Is("run", "jobs", "add-iam-policy-binding")
            || command.Is("functions", "add-iam-policy-binding") || command.Is("projects", "add-iam-policy-binding"))
        {
            if (command.Flag("role") is { } role)
            {
                var target = command.Is("projects", "add-iam-policy-binding")
                    ? null
                    : DeploymentUnit.TargetKey(command.Argument(command.Is("functions") ? 2 : 3), job: command.Is("run", "jobs"));
                _unit.Add(new InvokerGrant(member, role.Value ?? UnknownText.Value, target));
            }
        }
        else if (command.Is("run", "services", "set-iam-policy") || command.Is("run", "jobs", "set-iam-policy")
            || command.Is("functions", "set-iam-policy"))
        {
            // The policy file is not read: whatever it grants on that target counts.
            var target = DeploymentUnit.TargetKey(command.Argument(command.Is("functions") ? 2 : 3), job: command.Is("run", "jobs"));
            _unit.Add(new InvokerGrant(UnknownText.Value, null, target));
        }
    }

    /// <summary>The account a trigger's flag names; the default service account when the flag is not given.</summary>
    private static string AccountOf(GcloudFlag? flag) => flag is null ? Invocation.DefaultServiceAccount : flag.Value ?? UnknownText.Value;

    /// <summary>The flag that names an account, as written, for messages.</summary>
    private static string? Setting(GcloudFlag? flag) => flag is null ? null : "--" + flag.Name;

    private void AddFinding(DiagnosticDescriptor? rule, GcloudFlag? flag, string target)
    {
        if (rule is not null && flag is not null)
        {
            _findings.Add(new TokenFinding(rule, _locate(flag.Span), target));
        }
    }

    private static string Named(string what, string? name) =>
        name is null ? what : what + " '" + UnknownText.Display(name) + "'";
}
