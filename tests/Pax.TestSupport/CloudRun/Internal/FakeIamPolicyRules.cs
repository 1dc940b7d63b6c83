using System.Text.Json;
using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>The documented shape of <c>setIamPolicy</c>'s body (<c>{policy:{version,bindings,etag,auditConfigs}, updateMask}</c>).</summary>
internal static class FakeIamPolicyRules
{
    public static readonly string[] MaskFields = ["bindings", "etag", "auditConfigs"];

    private static readonly int[] Versions = [0, 1, 3];

    public static string? ValidateRequest(JsonObject body)
    {
        string? error = StrictJson.UnknownField(body, "set_iam_policy_request", "policy", "updateMask");
        var policy = StrictJson.Object(body, "policy", "set_iam_policy_request", ref error);
        var mask = StrictJson.String(body, "updateMask", "set_iam_policy_request", ref error);
        error ??= policy is null ? "Policy is required." : null;
        error ??= mask?.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(f => !MaskFields.Contains(f)) is { } bad
            ? $"Invalid update_mask path '{bad}': only bindings, etag and auditConfigs can be set." : null;
        return error ?? ValidatePolicy(policy!);
    }

    public static bool HasConditions(JsonObject policy) =>
        policy["bindings"] is JsonArray bindings && bindings.Any(b => b is JsonObject binding && binding.ContainsKey("condition"));

    private static string? ValidatePolicy(JsonObject policy)
    {
        string? error = StrictJson.UnknownField(policy, "policy", "version", "bindings", "etag", "auditConfigs");
        var version = StrictJson.Integer(policy, "version", "policy", ref error) ?? 1;
        StrictJson.String(policy, "etag", "policy", ref error);
        error ??= !Versions.Contains((int)version) ? $"Invalid policy version {version}: valid versions are 0, 1 and 3." : null;
        error ??= policy["bindings"] is { } bindings && bindings.GetValueKind() != JsonValueKind.Array ? "Policy.bindings must be a list." : null;
        foreach (var node in policy["bindings"] as JsonArray ?? [])
        {
            error ??= node is JsonObject binding ? ValidateBinding(binding, version) : "Each binding must be an object.";
        }

        return error;
    }

    private static string? ValidateBinding(JsonObject binding, long version)
    {
        string? error = StrictJson.UnknownField(binding, "policy.bindings", "role", "members", "condition");
        var role = StrictJson.String(binding, "role", "policy.bindings", ref error);
        var condition = StrictJson.Object(binding, "condition", "policy.bindings", ref error);
        error ??= role is null || !(role.StartsWith("roles/", StringComparison.Ordinal) || role.Contains("/roles/", StringComparison.Ordinal))
            ? $"Role '{role}' is not a role name such as roles/run.invoker." : null;
        error ??= binding["members"] is not JsonArray { Count: > 0 } ? $"Binding for {role} needs at least one member." : null;
        foreach (var member in binding["members"] as JsonArray ?? [])
        {
            error ??= member?.GetValueKind() == JsonValueKind.String && IsMember(member.GetValue<string>())
                ? null : $"Invalid member '{member}' for {role}: use user:, serviceAccount:, group:, domain:, allUsers or allAuthenticatedUsers.";
        }

        error ??= condition is not null && StrictJson.UnknownField(condition, "policy.bindings.condition", "expression", "title", "description", "location") is { } unknown ? unknown : null;
        error ??= condition is not null && condition["expression"] is null ? "Binding condition needs an expression." : null;
        return error ?? (condition is not null && version < 3 ? $"Conditional bindings need policy version 3; the request sent version {version}." : null);
    }

    private static bool IsMember(string member) =>
        member is "allUsers" or "allAuthenticatedUsers"
        || (member.Split(':', 2) is [var kind, var id] && id.Length > 0
            && (kind is "domain" || (kind is "user" or "group" or "serviceAccount" && id.Contains('@', StringComparison.Ordinal))))
        || member.StartsWith("principal://", StringComparison.Ordinal) || member.StartsWith("principalSet://", StringComparison.Ordinal);
}
