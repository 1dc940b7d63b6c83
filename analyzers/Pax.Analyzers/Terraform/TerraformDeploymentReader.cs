using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Terraform;

/// <summary>
/// Turns the resources of a Terraform file into token findings (PAX001, PAX003), invocations of Cloud Run and Cloud
/// Functions targets, the services and functions deployed, and role grants (PAX002). <c>var.*</c> defaults,
/// <c>local.*</c> values and resource names of the whole module are resolved; a reference to a service or function URL
/// is that service's or function's URL. Function calls (<c>format</c>, <c>trimsuffix</c>, <c>join</c>, …) and anything
/// else not listed are unknown: never guessed.
/// </summary>
internal sealed class TerraformDeploymentReader
{
    /// <summary>Grant resources and the attribute naming their target (<see langword="null"/>: project level).</summary>
    private static readonly Dictionary<string, string?> GrantResources = new(StringComparer.Ordinal)
    {
        ["google_cloud_run_v2_service_iam_member"] = "name",
        ["google_cloud_run_v2_service_iam_binding"] = "name",
        ["google_cloud_run_service_iam_member"] = "service", // v1 grants act on the same policy as v2 services
        ["google_cloud_run_service_iam_binding"] = "service",
        ["google_cloud_run_v2_job_iam_member"] = "name",
        ["google_cloud_run_v2_job_iam_binding"] = "name",
        ["google_cloudfunctions2_function_iam_member"] = "cloud_function",
        ["google_cloudfunctions2_function_iam_binding"] = "cloud_function",
        ["google_cloudfunctions_function_iam_member"] = "cloud_function",
        ["google_cloudfunctions_function_iam_binding"] = "cloud_function",
        ["google_project_iam_member"] = null,
        ["google_project_iam_binding"] = null,
    };

    private static readonly string[] NamedResources =
    [
        "google_cloud_run_v2_service.", "google_cloud_run_service.", "google_cloudfunctions2_function.",
        "google_cloudfunctions_function.", "google_cloud_run_v2_job.",
    ];

    private readonly TerraformModule _module;
    private readonly Func<TextSpan, Location> _locate;
    private readonly List<TokenFinding> _findings;
    private readonly DeploymentUnit _unit;

    private TerraformDeploymentReader(TerraformModule module, Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit)
    {
        _module = module;
        _locate = locate;
        _findings = findings;
        _unit = unit;
    }

    /// <summary>
    /// Reads every resource of <paramref name="file"/> into <paramref name="findings"/> and <paramref name="unit"/>, with
    /// the values of the whole <paramref name="module"/>.
    /// </summary>
    public static void Read(TerraformFile file, TerraformModule module, Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit)
    {
        var reader = new TerraformDeploymentReader(module, locate, findings, unit);
        foreach (var block in file.Blocks)
        {
            if (block.Type is "resource" or "data")
            {
                reader.ReadResource(block);
            }
        }
    }

    private void ReadResource(TerraformBlock resource)
    {
        switch (resource.Label(0))
        {
            case "google_cloud_scheduler_job":
                if (resource.BlockOf("http_target") is { } httpTarget)
                {
                    ReadTarget(httpTarget, "uri", Named("Cloud Scheduler job", resource), httpTarget.BlockOf("oauth_token"));
                }

                break;
            case "google_pubsub_subscription":
                if (resource.BlockOf("push_config") is { } pushConfig)
                {
                    ReadTarget(pushConfig, "push_endpoint", Named("Pub/Sub push subscription", resource), oauth: null);
                }

                break;
            case "google_eventarc_trigger":
                if (resource.BlockOf("destination")?.BlockOf("cloud_run_service") is { } service)
                {
                    var name = service.Attribute("service") is { } attribute ? Evaluate(attribute.Value) : UnknownText.Value;
                    AddInvocation(service.Span, Named("Eventarc trigger", resource), name, TriggerAccount(resource, "service_account"), InvocationTarget.Service(name), "service_account");
                }

                break;
            case "google_cloudfunctions2_function" or "google_cloudfunctions_function" or "google_cloud_run_v2_service" or "google_cloud_run_service":
                ReadDeployed(resource);
                break;
            case "google_iam_policy":
                foreach (var binding in resource.BlocksOf("binding"))
                {
                    ReadGrant(binding, target: null);
                }

                break;
            case { } type when GrantResources.TryGetValue(type, out var targetAttribute):
                var targetName = targetAttribute is null ? null : resource.Attribute(targetAttribute) is { } named ? Evaluate(named.Value) : null;
                ReadGrant(resource, DeploymentUnit.TargetKey(targetName, job: type.StartsWith("google_cloud_run_v2_job", StringComparison.Ordinal)));
                break;
        }
    }

    /// <summary>A service or function the module deploys (and, for a 2nd gen function, its Eventarc trigger).</summary>
    private void ReadDeployed(TerraformBlock resource)
    {
        var name = NameOf(resource);
        switch (resource.Label(0))
        {
            case "google_cloudfunctions2_function":
                _unit.AddFunction(name, FunctionGeneration.Second);
                if (resource.BlockOf("event_trigger") is { } trigger)
                {
                    var display = name ?? resource.Label(1) ?? UnknownText.Value;
                    AddInvocation(trigger.Span, "Eventarc trigger of function '" + display + "'", display, TriggerAccount(trigger, "service_account_email"), InvocationTarget.Service(name), "event_trigger.service_account_email");
                }

                break;
            case "google_cloudfunctions_function":
                // 1st gen: not behind Cloud Run; an event_trigger has no HTTP invoker check at all.
                _unit.AddFunction(name, FunctionGeneration.First);
                break;
            default:
                _unit.AddService(name);
                if (resource.Attribute("invoker_iam_disabled") is { } disabled && Evaluate(disabled.Value) == "true")
                {
                    _unit.Add(InvokerGrant.PublicOn(DeploymentUnit.TargetKey(name)));
                }

                break;
        }
    }

    private void ReadTarget(TerraformBlock target, string urlAttribute, string source, TerraformBlock? oauth)
    {
        if (target.Attribute(urlAttribute) is not { } url)
        {
            return;
        }

        var value = Evaluate(url.Value);
        var kind = TargetHost.Classify(value);
        var display = UnknownText.Display(value);
        var oidc = target.BlockOf("oidc_token");
        if (oidc is not null && TokenRule.ForOidc(kind) is { } oidcRule)
        {
            _findings.Add(new TokenFinding(oidcRule, _locate(oidc.Span), display));
        }

        if (oauth is not null && TokenRule.ForOAuth(kind) is { } oauthRule)
        {
            _findings.Add(new TokenFinding(oauthRule, _locate(oauth.Span), display));
        }

        if (kind == TargetKind.GoogleApi && oidc is null && oauth is null)
        {
            // PAX004: Google APIs answer 401 to a call without a token (FACTS.md §4.2).
            _findings.Add(new TokenFinding(RuleDescriptors.MissingToken, _locate(url.Span), display, RuleDescriptors.GoogleApiNeedsOAuth));
        }

        if (kind == TargetKind.CloudRun && oauth is null)
        {
            AddInvocation(url.Span, source, display, oidc is null ? null : Account(oidc, "service_account_email"), InvocationTarget.FromCloudRunUrl(value), "oidc_token.service_account_email");
        }
        else if (oauth is not null && TargetHost.JobOfRunUrl(value) is { } job)
        {
            var overrides = target.Attribute("body")?.Value.Text.IndexOf("overrides", StringComparison.OrdinalIgnoreCase) >= 0;
            AddInvocation(url.Span, source, display, Account(oauth, "service_account_email"), InvocationTarget.Job(job, overrides), "oauth_token.service_account_email");
        }
    }

    /// <summary>
    /// A grant on <paramref name="target"/> (a target key; <see langword="null"/> = every target). The role decides
    /// later whether it lets invoke (<see cref="InvokerRoles"/>); a binding's <c>role</c> unknown counts as one that does.
    /// </summary>
    private void ReadGrant(TerraformBlock grant, string? target)
    {
        var role = grant.Attribute("role") is { } roleAttribute ? Evaluate(roleAttribute.Value) : null;
        if (grant.Attribute("member") is { } member)
        {
            _unit.Add(new InvokerGrant(Evaluate(member.Value), role, target));
        }
        else if (grant.Attribute("members") is { } members)
        {
            var elements = members.Value.Elements();
            if (elements.Count == 0)
            {
                _unit.Add(new InvokerGrant(UnknownText.Value, role, target));
            }

            foreach (var element in elements)
            {
                _unit.Add(new InvokerGrant(Evaluate(element), role, target));
            }
        }
    }

    private void AddInvocation(TextSpan span, string source, string target, string? account, InvocationTarget called, string accountSetting) =>
        _unit.Add(new Invocation(_locate(span), source, UnknownText.Display(target), account, called, accountSetting));

    private string Account(TerraformBlock block, string attribute) =>
        block.Attribute(attribute) is { } account ? Evaluate(account.Value) : UnknownText.Value;

    /// <summary>The account of a trigger; the default service account when it names none.</summary>
    private string TriggerAccount(TerraformBlock block, string attribute) =>
        block.Attribute(attribute) is { } account ? Evaluate(account.Value) : Invocation.DefaultServiceAccount;

    private string? NameOf(TerraformBlock resource) =>
        resource.Attribute("name") is { } name && Evaluate(name.Value) is var value && UnknownText.IsKnown(value) ? value : null;

    private string Evaluate(TerraformExpression expression) => expression.Evaluate(Resolve);

    private string? Resolve(string reference, int depth)
    {
        var dot = reference.IndexOf('.');
        var name = dot < 0 ? string.Empty : reference.Substring(dot + 1);
        if (reference.StartsWith("var.", StringComparison.Ordinal))
        {
            return _module.Variables.TryGetValue(name, out var variable) ? variable.Evaluate(Resolve, depth) : null;
        }

        if (reference.StartsWith("local.", StringComparison.Ordinal))
        {
            return _module.Locals.TryGetValue(name, out var local) ? local.Evaluate(Resolve, depth) : null;
        }

        var resource = reference.StartsWith("data.", StringComparison.Ordinal) ? reference.Substring(5) : reference;
        var prefix = NamedResources.FirstOrDefault(p => resource.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null)
        {
            return null;
        }

        var secondDot = resource.IndexOf('.', prefix.Length);
        var address = secondDot < 0 ? resource : resource.Substring(0, secondDot);
        var attribute = secondDot < 0 ? string.Empty : resource.Substring(secondDot + 1);
        var target = _module.Resources.TryGetValue(address, out var block) && depth < 8 ? NameOf(block) : null;
        if (attribute == "name")
        {
            return target;
        }

        if (attribute is "https_trigger_url" or "url" && prefix.StartsWith("google_cloudfunctions", StringComparison.Ordinal))
        {
            // https://{region}-{project}.cloudfunctions.net/{function}
            return "https://" + UnknownText.Marker + ".cloudfunctions.net/" + (target ?? UnknownText.Value);
        }

        var isUrl = attribute.EndsWith("uri", StringComparison.Ordinal) || attribute.EndsWith("url", StringComparison.Ordinal);
        return isUrl && prefix != "google_cloud_run_v2_job."
            ? (target is null ? UnknownText.CloudRunServiceUrl : UnknownText.CloudRunServiceUrlOf(target))
            : null;
    }

    private static string Named(string what, TerraformBlock resource) =>
        resource.Label(1) is { } name ? what + " '" + name + "'" : what;
}
