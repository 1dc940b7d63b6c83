using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.CloudScheduler.Internal;

/// <summary>
/// How <c>projects.locations.jobs.patch</c> applies its <c>updateMask</c> to a stored job, path by path, as the
/// <c>google.protobuf.FieldMask</c> reference says ("Field Masks in Update Operations", protocolbuffers/protobuf
/// <c>src/google/protobuf/field_mask.proto</c>):
/// <list type="bullet">
/// <item>only the fields the mask names change; what the request holds outside the mask is ignored;</item>
/// <item>"If a sub-message is specified in the last position of the field mask for an update operation, then new value
/// will be merged into the existing sub-message": a message field named last (<c>httpTarget</c>, <c>retryConfig</c>,
/// <c>httpTarget.oidcToken</c>) is merged — the request's set fields overwrite, a map inside it gets its entries added
/// (same keys overwritten, the others kept), and a message the request leaves out is left as it was. So a header the
/// request no longer has stays, and a body cannot be cleared, through <c>updateMask=httpTarget</c>;</item>
/// <item>a scalar named last (<c>description</c>, <c>httpTarget.body</c>, <c>httpTarget.oidcToken.audience</c>) takes
/// the request's value, and is cleared to its default when the request leaves it out;</item>
/// <item>"An implementation may provide options to override this default behavior for repeated and message fields", and
/// Cloud Scheduler does for a map and a <c>google.protobuf.Duration</c> named last (<c>httpTarget.headers</c>,
/// <c>attemptDeadline</c>, <c>retryConfig.maxBackoffDuration</c>): they are replaced, and cleared when left out. Google's
/// own client relies on it: gcloud's <c>scheduler jobs update http --clear-headers</c> sends <c>updateMask=httpTarget.headers</c>
/// with no headers, <c>--clear-max-backoff</c> <c>retryConfig.maxBackoffDuration</c> with none, and <c>--clear-auth-token</c>
/// the four token leaf paths with no token (gcloud 528, googlecloudsdk/command_lib/scheduler/util.py, <c>UpdateHTTPMaskHook</c>,
/// <c>SetHTTPRequestUpdateHeaders</c>);</item>
/// <item>"Field masks treat fields in oneofs just as regular fields": setting <c>oauthToken</c> clears <c>oidcToken</c>
/// (the <c>authorization_header</c> oneof) and a token emptied by its leaf paths is no token;</item>
/// <item>"return an INVALID_ARGUMENT error if any path is unmappable".</item>
/// </list>
/// Simplification: a Duration inside a merged message is taken whole (protobuf would merge its seconds and nanos apart).
/// </summary>
internal static class FakeSchedulerUpdateMask
{
    private static readonly Field OAuthToken = Field.Message(new() { ["serviceAccountEmail"] = Field.Scalar, ["scope"] = Field.Scalar }, "authorization_header");
    private static readonly Field OidcToken = Field.Message(new() { ["serviceAccountEmail"] = Field.Scalar, ["audience"] = Field.Scalar }, "authorization_header");

    private static readonly Field Job = Field.Message(new()
    {
        ["description"] = Field.Scalar,
        ["schedule"] = Field.Scalar,
        ["timeZone"] = Field.Scalar,
        ["attemptDeadline"] = Field.Duration,
        ["retryConfig"] = Field.Message(new()
        {
            ["retryCount"] = Field.Scalar,
            ["maxRetryDuration"] = Field.Duration,
            ["minBackoffDuration"] = Field.Duration,
            ["maxBackoffDuration"] = Field.Duration,
            ["maxDoublings"] = Field.Scalar,
        }),
        ["httpTarget"] = Field.Message(new()
        {
            ["uri"] = Field.Scalar,
            ["httpMethod"] = Field.Scalar,
            ["headers"] = Field.Map,
            ["body"] = Field.Scalar,
            ["oauthToken"] = OAuthToken,
            ["oidcToken"] = OidcToken,
        }),
    });

    private enum Kind
    {
        Scalar,
        Duration,
        Map,
        Message,
    }

    /// <summary>The top-level fields a request may update (what an omitted mask takes from the request: "replace fields which are present").</summary>
    public static IEnumerable<string> TopLevelFields => Job.Fields!.Keys;

    /// <summary>Returns why a path cannot be mapped to a field of the Job resource, or <see langword="null"/>.</summary>
    public static string? Unmappable(string path)
    {
        var message = Job;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (message.Fields?.TryGetValue(segments[i], out var field) != true)
            {
                return $"Invalid update mask path '{path}': '{segments[i]}' is not a field of {(i == 0 ? "Job" : segments[i - 1])} that can be updated.";
            }

            message = field!;
        }

        return null;
    }

    /// <summary>Applies <paramref name="request"/> to <paramref name="stored"/> along each mask path (each mappable: <see cref="Unmappable"/>).</summary>
    public static void Apply(JsonObject stored, JsonObject request, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            Apply(stored, request, Job, path.Split('.'), 0);
        }
    }

    private static void Apply(JsonObject target, JsonObject? source, Field message, string[] path, int index)
    {
        var name = path[index];
        var field = message.Fields![name];
        var value = source?[name];
        if (index < path.Length - 1)
        {
            var child = target[name] as JsonObject;
            if (child is null)
            {
                // Nothing below an absent message to clear; a value to set below it creates it.
                if (value is not JsonObject || !HasValueAt(value, path, index + 1))
                {
                    return;
                }

                Set(target, message, name, child = []);
            }

            Apply(child, value as JsonObject, field, path, index + 1);
            if (child.Count == 0 && field.Oneof is not null)
            {
                target.Remove(name);
            }

            return;
        }

        if (field.Kind == Kind.Message)
        {
            // Merged into the stored message; a message the request leaves out is left as it was.
            if (value is JsonObject from)
            {
                var into = target[name] as JsonObject;
                if (into is null)
                {
                    Set(target, message, name, into = []);
                }

                Merge(into, from, field);
            }

            return;
        }

        // A scalar, a map or a Duration named last: replaced, or cleared when the request leaves it out.
        if (value is null || IsDefault(value))
        {
            target.Remove(name);
        }
        else
        {
            Set(target, message, name, value.DeepClone());
        }
    }

    /// <summary>Protobuf's MergeFrom: set fields overwrite, maps get their entries added, messages merge.</summary>
    private static void Merge(JsonObject target, JsonObject source, Field message)
    {
        foreach (var (name, value) in source)
        {
            if (value is null || IsDefault(value) || message.Fields?.TryGetValue(name, out var field) != true)
            {
                continue;
            }

            switch (field!.Kind)
            {
                case Kind.Message:
                    var into = target[name] as JsonObject;
                    if (into is null)
                    {
                        Set(target, message, name, into = []);
                    }

                    Merge(into, (JsonObject)value, field);
                    break;
                case Kind.Map:
                    var map = target[name] as JsonObject ?? [];
                    foreach (var (key, entry) in (JsonObject)value)
                    {
                        map[key] = entry?.DeepClone();
                    }

                    target[name] = map;
                    break;
                default:
                    Set(target, message, name, value.DeepClone());
                    break;
            }
        }
    }

    /// <summary>Sets a field; setting one member of a oneof clears the others.</summary>
    private static void Set(JsonObject target, Field message, string name, JsonNode value)
    {
        if (message.Fields![name].Oneof is { } oneof)
        {
            foreach (var other in message.Fields.Where(f => f.Value.Oneof == oneof && f.Key != name))
            {
                target.Remove(other.Key);
            }
        }

        target[name] = value;
    }

    private static bool HasValueAt(JsonNode node, string[] path, int index) =>
        index == path.Length ? !IsDefault(node) : node is JsonObject o && o[path[index]] is { } next && HasValueAt(next, path, index + 1);

    /// <summary>A proto3 default is not "set": an empty string, zero, false, an empty map.</summary>
    private static bool IsDefault(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>().Length == 0,
        JsonValueKind.Number => value.GetValue<double>() == 0,
        JsonValueKind.False => true,
        JsonValueKind.Object => value is JsonObject { Count: 0 },
        JsonValueKind.Null => true,
        _ => false,
    };

    private sealed record Field(Kind Kind, Dictionary<string, Field>? Fields = null, string? Oneof = null)
    {
        public static readonly Field Scalar = new(Kind.Scalar);
        public static readonly Field Duration = new(Kind.Duration);
        public static readonly Field Map = new(Kind.Map);

        public static Field Message(Dictionary<string, Field> fields, string? oneof = null) => new(Kind.Message, fields, oneof);
    }
}
