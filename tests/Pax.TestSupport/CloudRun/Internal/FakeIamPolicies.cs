using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>The IAM policies of the services and jobs a <see cref="FakeCloudRunIamServer"/> knows, and its two routes.</summary>
internal sealed partial class FakeIamPolicies
{
    private const string EmptyPolicyEtag = "ACAB";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Action<JsonObject>>> _interleaved = new(StringComparer.Ordinal);
    private long _etagCounter;

    public void Add(string resource, JsonObject? policy)
    {
        lock (_gate)
        {
            var stored = (JsonObject?)policy?.DeepClone() ?? [];
            stored["etag"] = policy is null ? EmptyPolicyEtag : NextEtag();
            _policies[resource] = stored;
        }
    }

    public JsonObject Get(string resource)
    {
        lock (_gate)
        {
            return (JsonObject)Existing(resource).DeepClone();
        }
    }

    public void Interleave(string resource, Action<JsonObject> change, int times)
    {
        lock (_gate)
        {
            Existing(resource);
            if (!_interleaved.TryGetValue(resource, out var queue))
            {
                _interleaved[resource] = queue = new Queue<Action<JsonObject>>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(change);
            }
        }
    }

    public RestResponse Handle(RecordedRestRequest request)
    {
        var path = request.RawTarget.Split('?', 2)[0];
        var match = IamPath().Match(path);
        if (!match.Success || (match.Groups[2].Value == "getIamPolicy" ? "GET" : "POST") != request.Method)
        {
            return RestResponse.NoSuchRoute(request.Method, path);
        }

        var resource = match.Groups[1].Value;
        lock (_gate)
        {
            if (!_policies.ContainsKey(resource))
            {
                return RestResponse.Error(404, "NOT_FOUND", $"Resource '{resource}' was not found");
            }

            return match.Groups[2].Value == "getIamPolicy" ? GetPolicy(request, resource) : SetPolicy(request, resource);
        }
    }

    private RestResponse GetPolicy(RecordedRestRequest request, string resource)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => k != "options.requestedPolicyVersion");
        var version = request.Query.GetValueOrDefault("options.requestedPolicyVersion", "0");
        var policy = _policies[resource];
        var error = unknown is not null ? $"Invalid JSON payload received. Unknown name \"{unknown}\": Cannot bind query parameter." : null;
        error ??= request.Body.Length > 0 ? "The request body of getIamPolicy must be empty." : null;
        error ??= version is not ("0" or "1" or "3") ? $"Invalid requested policy version {version}: valid versions are 0, 1 and 3." : null;
        error ??= version != "3" && FakeIamPolicyRules.HasConditions(policy)
            ? "The policy has conditional role bindings: request it with options.requestedPolicyVersion=3." : null;
        return error is null ? RestResponse.Json(Answer(policy)) : RestResponse.InvalidArgument(error);
    }

    private RestResponse SetPolicy(RecordedRestRequest request, string resource)
    {
        var body = StrictJson.ParseObject(request, out var error);
        error ??= FakeIamPolicyRules.ValidateRequest(body!);
        if (error is not null)
        {
            return RestResponse.InvalidArgument(error);
        }

        var current = _policies[resource];
        if (_interleaved.TryGetValue(resource, out var pending) && pending.TryDequeue(out var change))
        {
            change(current);
            current["etag"] = NextEtag();
        }

        var policy = body!["policy"]!.AsObject();
        if (policy["etag"] is { } etag && (string?)etag != (string?)current["etag"])
        {
            return RestResponse.Error(409, "ABORTED", "There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.");
        }

        var mask = ((string?)body["updateMask"] ?? "bindings,etag").Split(',', StringSplitOptions.TrimEntries);
        foreach (var field in mask.Where(f => f != "etag"))
        {
            current.Remove(field);
            if (policy[field] is { } value)
            {
                current[field] = value.DeepClone();
            }
        }

        current["version"] = (int?)policy["version"] ?? (FakeIamPolicyRules.HasConditions(current) ? 3 : 1);
        current["etag"] = NextEtag();
        return RestResponse.Json(Answer(current));
    }

    private JsonObject Existing(string resource) =>
        _policies.TryGetValue(resource, out var policy) ? policy : throw new InvalidOperationException($"The fake knows no resource '{resource}': add it first.");

    private static JsonObject Answer(JsonObject policy)
    {
        var answer = (JsonObject)policy.DeepClone();
        if (answer["bindings"] is JsonArray { Count: 0 })
        {
            answer.Remove("bindings");
        }

        if ((int?)answer["version"] is null or 0)
        {
            answer.Remove("version");
        }

        return answer;
    }

    private string NextEtag() => Convert.ToBase64String(Encoding.ASCII.GetBytes($"BwX{++_etagCounter:D6}"));

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+/(?:services|jobs)/[^/:]+):(getIamPolicy|setIamPolicy)$", RegexOptions.CultureInvariant)]
    private static partial Regex IamPath();
}
