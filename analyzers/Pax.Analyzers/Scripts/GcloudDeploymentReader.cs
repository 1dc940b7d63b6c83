using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Scripts;

/// <summary>
/// Turns the gcloud commands of a script into token findings (PAX001, PAX003), invocations of Cloud Run targets and
/// <c>roles/run.invoker</c> grants (PAX002).
/// </summary>
internal sealed class GcloudDeploymentReader
{
    private readonly Func<TextSpan, Location> _locate;
    private readonly List<TokenFinding> _findings;
    private readonly DeploymentUnit _unit;

    private GcloudDeploymentReader(Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit)
    {
        _locate = locate;
        _findings = findings;
        _unit = unit;
    }

    /// <summary>Reads every gcloud command of <paramref name="script"/> into <paramref name="findings"/> and <paramref name="unit"/>.</summary>
    public static void Read(ShellScript script, Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit)
    {
        var reader = new GcloudDeploymentReader(locate, findings, unit);
        foreach (var command in script.Commands)
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
            if (command.Has("allow-unauthenticated") || command.Has("no-invoker-iam-check"))
            {
                _unit.Add(InvokerGrant.Public);
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
        if (kind == TargetKind.CloudRun && oauth is null && (oidc is not null || isCreate))
        {
            var source = Named("Cloud Scheduler job", command.Argument(4));
            _unit.Add(new Invocation(_locate(uri.Span), source, target, oidc is null ? null : oidc.Value ?? UnknownText.Value));
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
        if (kind == TargetKind.CloudRun && (account is not null || !authRequired))
        {
            var source = Named("Pub/Sub push subscription", command.Argument(3));
            _unit.Add(new Invocation(_locate(endpoint.Span), source, target, account is null ? null : account.Value ?? UnknownText.Value));
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
        var account = command.Flag("service-account")?.Value ?? UnknownText.Value;
        _unit.Add(new Invocation(_locate(destination.Span), source, service, account));
    }

    private void ReadFunctionDeploy(GcloudCommand command)
    {
        if (command.Has("allow-unauthenticated"))
        {
            _unit.Add(InvokerGrant.Public);
        }

        var trigger = command.Flag("trigger-topic") ?? command.Flag("trigger-event-filters")
            ?? command.Flag("trigger-bucket") ?? command.Flag("trigger-event");
        if (trigger is null || command.Has("no-gen2"))
        {
            return;
        }

        var name = UnknownText.Display(command.Argument(2) ?? UnknownText.Value);
        var account = command.Flag("trigger-service-account")?.Value ?? UnknownText.Value;
        _unit.Add(new Invocation(_locate(trigger.Span), "Eventarc trigger of function '" + name + "'", name, account));
    }

    private void ReadGrant(GcloudCommand command)
    {
        if (command.Is("functions", "add-invoker-policy-binding"))
        {
            _unit.Add(new InvokerGrant(command.Flag("member")?.Value ?? UnknownText.Value));
        }
        else if (command.Is("run", "services", "add-iam-policy-binding") || command.Is("functions", "add-iam-policy-binding")
            || command.Is("projects", "add-iam-policy-binding"))
        {
            var role = command.Flag("role");
            if (role is not null && TokenRule.MayBeInvokerRole(role.Value ?? UnknownText.Value))
            {
                _unit.Add(new InvokerGrant(command.Flag("member")?.Value ?? UnknownText.Value));
            }
        }
        else if (command.Is("run", "services", "set-iam-policy") || command.Is("functions", "set-iam-policy"))
        {
            // The policy file is not read: whatever it grants counts.
            _unit.Add(new InvokerGrant(UnknownText.Value));
        }
    }

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
