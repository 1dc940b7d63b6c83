using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Terraform;

/// <summary>
/// Turns the resources of a Terraform file into token findings (PAX001, PAX003), invocations of Cloud Run targets and
/// <c>roles/run.invoker</c> grants (PAX002). <c>var.*</c> defaults and <c>local.*</c> values of the same file are
/// resolved; references to a Cloud Run service or function URL count as Cloud Run URLs.
/// </summary>
internal sealed class TerraformDeploymentReader
{
    private static readonly string[] InvokerGrantResources =
    [
        "google_cloud_run_v2_service_iam_member", "google_cloud_run_v2_service_iam_binding",
        "google_cloud_run_service_iam_member", "google_cloud_run_service_iam_binding",
        "google_cloudfunctions2_function_iam_member", "google_cloudfunctions2_function_iam_binding",
        "google_project_iam_member", "google_project_iam_binding",
    ];

    private static readonly string[] CloudRunUrlResources =
        ["google_cloud_run_v2_service.", "google_cloud_run_service.", "google_cloudfunctions2_function."];

    private readonly Dictionary<string, TerraformExpression> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerraformExpression> _locals = new(StringComparer.Ordinal);
    private readonly Func<TextSpan, Location> _locate;
    private readonly List<TokenFinding> _findings;
    private readonly DeploymentUnit _unit;

    private TerraformDeploymentReader(Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit)
    {
        _locate = locate;
        _findings = findings;
        _unit = unit;
    }

    /// <summary>Reads every resource of <paramref name="file"/> into <paramref name="findings"/> and <paramref name="unit"/>.</summary>
    public static void Read(TerraformFile file, Func<TextSpan, Location> locate, List<TokenFinding> findings, DeploymentUnit unit)
    {
        var reader = new TerraformDeploymentReader(locate, findings, unit);
        foreach (var block in file.Blocks)
        {
            if (block.Type == "variable" && block.Label(0) is { } name && block.Attribute("default") is { } value)
            {
                reader._variables[name] = value.Value;
            }
            else if (block.Type == "locals")
            {
                foreach (var local in block.Attributes)
                {
                    reader._locals[local.Name] = local.Value;
                }
            }
        }

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
                    AddInvocation(service.Span, Named("Eventarc trigger", resource), name, Account(resource, "service_account"));
                }

                break;
            case "google_cloudfunctions2_function":
                if (resource.BlockOf("event_trigger") is { } trigger)
                {
                    var function = resource.Label(1) ?? UnknownText.Value;
                    AddInvocation(trigger.Span, "Eventarc trigger of function '" + function + "'", function, Account(trigger, "service_account_email"));
                }

                break;
            case "google_cloud_run_v2_service":
                if (resource.Attribute("invoker_iam_disabled") is { } disabled && Evaluate(disabled.Value) == "true")
                {
                    _unit.Add(InvokerGrant.Public);
                }

                break;
            case "google_iam_policy":
                foreach (var binding in resource.BlocksOf("binding"))
                {
                    ReadGrant(binding);
                }

                break;
            case { } type when Array.IndexOf(InvokerGrantResources, type) >= 0:
                ReadGrant(resource);
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

        if (kind == TargetKind.CloudRun && oauth is null)
        {
            AddInvocation(url.Span, source, display, oidc is null ? null : Account(oidc, "service_account_email"));
        }
    }

    private void ReadGrant(TerraformBlock grant)
    {
        if (grant.Attribute("role") is { } role && !TokenRule.MayBeInvokerRole(Evaluate(role.Value)))
        {
            return;
        }

        if (grant.Attribute("member") is { } member)
        {
            _unit.Add(new InvokerGrant(Evaluate(member.Value)));
        }
        else if (grant.Attribute("members") is { } members)
        {
            var elements = members.Value.Elements();
            if (elements.Count == 0)
            {
                _unit.Add(new InvokerGrant(UnknownText.Value));
            }

            foreach (var element in elements)
            {
                _unit.Add(new InvokerGrant(Evaluate(element)));
            }
        }
    }

    private void AddInvocation(TextSpan span, string source, string target, string? account) =>
        _unit.Add(new Invocation(_locate(span), source, UnknownText.Display(target), account));

    private string Account(TerraformBlock block, string attribute) =>
        block.Attribute(attribute) is { } account ? Evaluate(account.Value) : UnknownText.Value;

    private string Evaluate(TerraformExpression expression) => expression.Evaluate(Resolve);

    private string? Resolve(string reference, int depth)
    {
        var dot = reference.IndexOf('.');
        var name = dot < 0 ? string.Empty : reference.Substring(dot + 1);
        if (reference.StartsWith("var.", StringComparison.Ordinal) && _variables.TryGetValue(name, out var variable))
        {
            return variable.Evaluate(Resolve, depth);
        }

        if (reference.StartsWith("local.", StringComparison.Ordinal) && _locals.TryGetValue(name, out var local))
        {
            return local.Evaluate(Resolve, depth);
        }

        var resource = reference.StartsWith("data.", StringComparison.Ordinal) ? reference.Substring(5) : reference;
        var isUrl = resource.EndsWith(".uri", StringComparison.Ordinal) || resource.EndsWith(".url", StringComparison.Ordinal);
        return isUrl && CloudRunUrlResources.Any(prefix => resource.StartsWith(prefix, StringComparison.Ordinal))
            ? UnknownText.CloudRunServiceUrl
            : null;
    }

    private static string Named(string what, TerraformBlock resource) =>
        resource.Label(1) is { } name ? what + " '" + name + "'" : what;
}
