using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.ResourceManager.Internal;

/// <summary>
/// Projects, folders and organizations of a <see cref="FakeResourceManagerServer"/>, and their routes in Resource Manager v3:
/// <list type="bullet">
/// <item><c>GET v3/projects/P</c> (cloud.google.com/resource-manager/reference/rest/v3/projects/get): a <c>Project</c>
/// (<c>name</c> = <c>projects/NUMBER</c>, <c>projectId</c>, <c>parent</c> when it has one, <c>state</c> ACTIVE); the id or
/// the number is accepted; the body must be empty.</item>
/// <item><c>GET v3/folders/F</c> (…/v3/folders/get): a <c>Folder</c> (<c>name</c>, <c>parent</c>, <c>state</c>).</item>
/// <item><c>POST v3/{projects|folders|organizations}/ID:getIamPolicy</c> (…/projects/getIamPolicy, …/folders/getIamPolicy,
/// …/organizations/getIamPolicy): body <c>{"options":{"requestedPolicyVersion":N}}</c> (valid versions 0, 1, 3; a policy
/// with conditions needs 3).</item>
/// </list>
/// A resource it does not know is answered 403 <c>PERMISSION_DENIED</c>, as Google answers one that does not exist or
/// that the caller may not see ("Permission is denied if the policy or the resource do not exist").
/// </summary>
internal sealed partial class FakeResourceHierarchy
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _folders = new(StringComparer.Ordinal);
    private long _nextProjectNumber = 415104041262;

    public void SetProjectPolicy(string project, JsonObject policy)
    {
        lock (_gate)
        {
            EnsureProject(project);
            _policies[$"projects/{project}"] = Stored(policy);
        }
    }

    public void SetProjectParent(string project, string parent)
    {
        lock (_gate)
        {
            EnsureProject(project)["parent"] = parent;
        }
    }

    public void AddFolder(string folder, string parent, JsonObject? policy)
    {
        lock (_gate)
        {
            _folders[folder] = new JsonObject
            {
                ["name"] = folder,
                ["parent"] = parent,
                ["displayName"] = folder.Replace('/', '-'),
                ["state"] = "ACTIVE",
                ["etag"] = "W/\"folder\"",
            };
            _policies[folder] = Stored(policy ?? new JsonObject());
        }
    }

    public void AddOrganization(string organization, JsonObject? policy)
    {
        lock (_gate)
        {
            _policies[organization] = Stored(policy ?? new JsonObject());
        }
    }

    public RestResponse Handle(RecordedRestRequest request)
    {
        if (PolicyPath().Match(request.Path) is { Success: true } policy && request.Method == "POST")
        {
            return GetPolicy(request, policy.Groups[1].Value, policy.Groups[2].Value);
        }

        if (ResourcePath().Match(request.Path) is { Success: true } resource && request.Method == "GET")
        {
            if (request.Body.Length > 0 || request.Query.Count > 0)
            {
                return RestResponse.InvalidArgument(request.Body.Length > 0 ? "The request body must be empty." : $"Invalid JSON payload received. Unknown name \"{request.Query.Keys.First()}\": Cannot bind query parameter.");
            }

            return resource.Groups[1].Value == "projects" ? GetProject(resource.Groups[2].Value) : GetFolder($"folders/{resource.Groups[2].Value}");
        }

        return RestResponse.NoSuchRoute(request.Method, request.Path);
    }

    private RestResponse GetProject(string idOrNumber)
    {
        lock (_gate)
        {
            var project = _projects.Values.FirstOrDefault(p => (string?)p["projectId"] == idOrNumber || (string?)p["name"] == $"projects/{idOrNumber}");
            return project is null
                ? RestResponse.PermissionDenied("resourcemanager.projects.get", $"projects/{idOrNumber}")
                : RestResponse.Json(project.DeepClone());
        }
    }

    private RestResponse GetFolder(string folder)
    {
        lock (_gate)
        {
            return _folders.TryGetValue(folder, out var found)
                ? RestResponse.Json(found.DeepClone())
                : RestResponse.PermissionDenied("resourcemanager.folders.get", folder);
        }
    }

    private RestResponse GetPolicy(RecordedRestRequest request, string kind, string id)
    {
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

        var name = $"{kind}/{id}";
        lock (_gate)
        {
            if (!_policies.TryGetValue(name, out var policy))
            {
                return RestResponse.PermissionDenied($"resourcemanager.{kind}.getIamPolicy", name);
            }

            var hasConditions = policy["bindings"] is JsonArray bindings && bindings.Any(b => b?["condition"] is not null);
            return hasConditions && version != 3
                ? RestResponse.InvalidArgument("The policy has conditional role bindings: request it with options.requestedPolicyVersion=3.")
                : RestResponse.Json(policy.DeepClone());
        }
    }

    private JsonObject EnsureProject(string project)
    {
        if (!_projects.TryGetValue(project, out var stored))
        {
            _projects[project] = stored = new JsonObject
            {
                ["name"] = "projects/" + (_nextProjectNumber++).ToString(CultureInfo.InvariantCulture),
                ["projectId"] = project,
                ["state"] = "ACTIVE",
                ["displayName"] = project,
                ["etag"] = "W/\"project\"",
            };
        }

        return stored;
    }

    private static JsonObject Stored(JsonObject policy)
    {
        var stored = (JsonObject)policy.DeepClone();
        stored["etag"] ??= "BwYpolicy=";
        return stored;
    }

    [GeneratedRegex("^/v3/(projects|folders|organizations)/([^/:]+):getIamPolicy$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyPath();

    [GeneratedRegex("^/v3/(projects|folders)/([^/:]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourcePath();
}
