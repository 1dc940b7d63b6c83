using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.ResourceManager.Internal;

/// <summary>
/// <c>POST v3/projects/P:getIamPolicy</c> (cloud.google.com/resource-manager/reference/rest/v3/projects/getIamPolicy):
/// body <c>{"options":{"requestedPolicyVersion":N}}</c> (valid versions 0, 1, 3; a policy with conditions needs 3);
/// "Permission is denied if the policy or the resource do not exist", so an unknown project gets 403 <c>PERMISSION_DENIED</c>.
/// </summary>
internal sealed partial class FakeProjectPolicies
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _policies = new(StringComparer.Ordinal);

    public void Set(string project, JsonObject policy)
    {
        var stored = (JsonObject)policy.DeepClone();
        stored["etag"] ??= "BwYproject=";
        lock (_gate)
        {
            _policies[project] = stored;
        }
    }

    public RestResponse Handle(RecordedRestRequest request)
    {
        if (PolicyPath().Match(request.Path) is not { Success: true } match || request.Method != "POST")
        {
            return RestResponse.NoSuchRoute(request.Method, request.Path);
        }

        string? error = null;
        var body = request.Body.Length == 0 ? new JsonObject() : StrictJson.ParseObject(request, out error);
        error ??= StrictJson.UnknownField(body!, "get_iam_policy_request", "options");
        var options = body!["options"] as JsonObject;
        error ??= options is null ? null : StrictJson.UnknownField(options, "get_iam_policy_request.options", "requestedPolicyVersion");
        var version = (int?)options?["requestedPolicyVersion"] ?? 0;
        error ??= version is 0 or 1 or 3 ? null : $"Invalid requested policy version {version}: valid versions are 0, 1 and 3.";
        if (error is not null)
        {
            return RestResponse.InvalidArgument(error);
        }

        var project = match.Groups[1].Value;
        lock (_gate)
        {
            if (!_policies.TryGetValue(project, out var policy))
            {
                return RestResponse.PermissionDenied("resourcemanager.projects.getIamPolicy", $"projects/{project}");
            }

            var hasConditions = policy["bindings"] is JsonArray bindings && bindings.Any(b => b?["condition"] is not null);
            return hasConditions && version != 3
                ? RestResponse.InvalidArgument("The policy has conditional role bindings: request it with options.requestedPolicyVersion=3.")
                : RestResponse.Json(policy.DeepClone());
        }
    }

    [GeneratedRegex("^/v3/projects/([^/:]+):getIamPolicy$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyPath();
}
