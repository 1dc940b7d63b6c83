using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.Eventarc.Internal;

/// <summary>
/// The triggers a <see cref="FakeEventarcServer"/> lists: <c>GET v1/projects/P/locations/R/triggers</c> with
/// <c>pageSize</c>, <c>pageToken</c>, <c>orderBy</c>, <c>filter</c>, answered <c>{"triggers":[…],"nextPageToken":"…"}</c>
/// (cloud.google.com/eventarc/docs/reference/rest/v1/projects.locations.triggers/list). Seeded triggers are checked
/// against the Trigger resource (…/projects.locations.triggers#Trigger): known fields only, <c>eventFilters</c> and
/// <c>destination</c> required, <c>destination.cloudRun</c> with <c>service</c> and <c>region</c>.
/// </summary>
internal sealed partial class FakeEventarcTriggers
{
    private static readonly string[] Fields = ["name", "uid", "eventFilters", "serviceAccount", "destination", "transport", "labels", "channel", "conditions", "eventDataContentType", "etag", "createTime", "updateTime"];
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonObject> _triggers = new(StringComparer.Ordinal);

    public int MaxPageSize { get; set; } = 100;

    public void Add(JsonObject trigger)
    {
        var error = StrictJson.UnknownField(trigger, "trigger", Fields);
        var name = (string?)trigger["name"];
        error ??= name is not null && TriggerName().IsMatch(name) ? null : $"Invalid trigger name '{name}': projects/P/locations/R/triggers/T.";
        error ??= trigger["eventFilters"] is JsonArray { Count: > 0 } ? null : "Trigger.eventFilters is required.";
        var destination = trigger["destination"] as JsonObject;
        error ??= destination is null ? "Trigger.destination is required." : null;
        if (destination?["cloudRun"] is JsonObject run)
        {
            error ??= StrictJson.UnknownField(run, "trigger.destination.cloudRun", "service", "path", "region");
            error ??= (string?)run["service"] is { Length: > 0 } && (string?)run["region"] is { Length: > 0 } ? null : "destination.cloudRun.service and .region are required.";
        }

        if (error is not null)
        {
            throw new ArgumentException(error, nameof(trigger));
        }

        lock (_gate)
        {
            _triggers[name!] = (JsonObject)trigger.DeepClone();
        }
    }

    /// <summary>Answers a list request, or Google's 404 page for any other route.</summary>
    public RestResponse Handle(RecordedRestRequest request)
    {
        if (ListPath().Match(request.Path) is not { Success: true } match || request.Method != "GET")
        {
            return RestResponse.NoSuchRoute(request.Method, request.Path);
        }

        var parent = match.Groups[1].Value;
        JsonNode[] items;
        lock (_gate)
        {
            items = _triggers.Where(p => p.Key.StartsWith(parent + "/triggers/", StringComparison.Ordinal)).Select(p => (JsonNode)p.Value.DeepClone()).ToArray();
        }

        return FakePages.Answer(request, parent, "triggers", items, MaxPageSize, "orderBy", "filter");
    }

    [GeneratedRegex("^/v1/(projects/[^/]+/locations/[^/]+)/triggers$", RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();

    [GeneratedRegex("^projects/[^/]+/locations/[^/]+/triggers/[a-z][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TriggerName();
}
