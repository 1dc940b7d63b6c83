using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>
/// The services and jobs a <see cref="FakeCloudRunIamServer"/> lists: <c>GET v2/projects/P/locations/R/services</c> and
/// <c>…/jobs</c> (cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/list, …jobs/list): query
/// <c>pageSize</c>, <c>pageToken</c>, <c>showDeleted</c>; answer <c>{"services":[…],"nextPageToken":"…"}</c> /
/// <c>{"jobs":[…],…}</c>. A Service carries <c>name</c>, <c>uri</c>, <c>urls</c> and, when true, <c>invokerIamDisabled</c>
/// (proto3 JSON leaves a false bool out).
/// </summary>
internal sealed partial class FakeRunResources
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonObject> _services = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, JsonObject> _jobs = new(StringComparer.Ordinal);

    public int MaxPageSize { get; set; } = 100;

    public void AddService(string name, Uri url, bool invokerIamDisabled)
    {
        var service = new JsonObject { ["name"] = name, ["uri"] = url.AbsoluteUri.TrimEnd('/'), ["urls"] = new JsonArray(url.AbsoluteUri.TrimEnd('/')) };
        if (invokerIamDisabled)
        {
            service["invokerIamDisabled"] = true;
        }

        lock (_gate)
        {
            _services[name] = service;
        }
    }

    public void AddJob(string name)
    {
        lock (_gate)
        {
            _jobs[name] = new JsonObject { ["name"] = name };
        }
    }

    /// <summary>Answers a list request, or <see langword="null"/> when the request is not one.</summary>
    public RestResponse? TryHandle(RecordedRestRequest request)
    {
        var path = request.RawTarget.Split('?', 2)[0];
        if (ListPath().Match(path) is not { Success: true } match)
        {
            return null;
        }

        if (request.Method != "GET")
        {
            return RestResponse.NoSuchRoute(request.Method, path);
        }

        var parent = match.Groups[1].Value;
        var collection = match.Groups[2].Value;
        JsonNode[] items;
        lock (_gate)
        {
            var source = collection == "services" ? _services : _jobs;
            items = source.Where(p => p.Key.StartsWith(parent + "/" + collection + "/", StringComparison.Ordinal)).Select(p => (JsonNode)p.Value.DeepClone()).ToArray();
        }

        return FakePages.Answer(request, parent + "/" + collection, collection, items, MaxPageSize, "showDeleted");
    }

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+)/(services|jobs)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();
}
