using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudFunctions.Internal;

/// <summary>
/// The functions a <see cref="FakeCloudFunctionsServer"/> lists: <c>GET v2/projects/P/locations/R/functions</c> with
/// <c>pageSize</c>, <c>pageToken</c>, <c>filter</c>, <c>orderBy</c>, answered <c>{"functions":[…],"nextPageToken":"…"}</c>
/// (cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions/list). A 2nd gen Function carries
/// <c>name</c>, <c>environment: GEN_2</c>, <c>url</c> (<c>https://REGION-PROJECT.cloudfunctions.net/ID</c>) and
/// <c>serviceConfig.service</c>/<c>uri</c> (…/projects.locations.functions#Function).
/// </summary>
internal sealed partial class FakeCloudFunctions
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonObject> _functions = new(StringComparer.Ordinal);

    public int MaxPageSize { get; set; } = 100;

    public void Add(string name, string service, Uri serviceUrl)
    {
        var match = FunctionName().Match(name);
        if (!match.Success || !service.StartsWith($"projects/{match.Groups[1].Value}/locations/{match.Groups[2].Value}/services/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' must be projects/P/locations/R/functions/F and its service projects/P/locations/R/services/S.", nameof(name));
        }

        var function = new JsonObject
        {
            ["name"] = name,
            ["environment"] = "GEN_2",
            ["state"] = "ACTIVE",
            ["url"] = $"https://{match.Groups[2].Value}-{match.Groups[1].Value}.cloudfunctions.net/{match.Groups[3].Value}",
            ["serviceConfig"] = new JsonObject { ["service"] = service, ["uri"] = serviceUrl.AbsoluteUri.TrimEnd('/') },
        };
        lock (_gate)
        {
            _functions[name] = function;
        }
    }

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
            items = _functions.Where(p => p.Key.StartsWith(parent + "/functions/", StringComparison.Ordinal)).Select(p => (JsonNode)p.Value.DeepClone()).ToArray();
        }

        return FakePages.Answer(request, parent, "functions", items, MaxPageSize, "filter", "orderBy");
    }

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+)/functions$", RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();

    [GeneratedRegex("^projects/([^/]+)/locations/([^/]+)/functions/([A-Za-z][A-Za-z0-9_-]{0,62})$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();
}
