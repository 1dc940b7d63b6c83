using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudRun.Internal;

/// <summary>
/// The services, jobs and job executions a <see cref="FakeCloudRunIamServer"/> lists: <c>GET v2/projects/P/locations/R/services</c>,
/// <c>…/jobs</c> (cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/list, …jobs/list) and
/// <c>GET v2/{job}/executions</c> (…/projects.locations.jobs.executions/list, newest first): query <c>pageSize</c>,
/// <c>pageToken</c>, <c>showDeleted</c>; answer <c>{"services":[…],"nextPageToken":"…"}</c> / <c>{"jobs":[…],…}</c> /
/// <c>{"executions":[…],…}</c> (the executions are <see cref="FakeRunExecutions"/>'s, the model the jobs fake serves too);
/// executions of a job it does not know 404 <c>NOT_FOUND</c>. A Service carries <c>name</c>,
/// <c>uri</c>, <c>urls</c>, <c>customAudiences</c> when set, <c>template</c> with <c>timeout</c> (Cloud Run fills in its
/// default, <c>300s</c>) and the container's <c>env</c>, and, when true, <c>invokerIamDisabled</c> (proto3 JSON leaves a
/// false bool out).
/// </summary>
internal sealed partial class FakeRunResources
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonObject> _services = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, JsonObject> _jobs = new(StringComparer.Ordinal);
    private readonly FakeRunExecutions _executions = new();

    public int MaxPageSize { get; set; } = 100;

    public void AddService(string name, Uri url, bool invokerIamDisabled, FakeServiceTemplate template)
    {
        var service = new JsonObject
        {
            ["name"] = name,
            ["uri"] = url.AbsoluteUri.TrimEnd('/'),
            ["urls"] = new JsonArray(url.AbsoluteUri.TrimEnd('/')),
            ["template"] = new JsonObject
            {
                ["timeout"] = template.Timeout,
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["image"] = "us-docker.pkg.dev/cloudrun/container/hello",
                    ["env"] = new JsonArray([.. template.Env.Select(p => (JsonNode)new JsonObject { ["name"] = p.Key, ["value"] = p.Value })]),
                }),
            },
        };
        if (template.CustomAudiences.Count > 0)
        {
            service["customAudiences"] = new JsonArray([.. template.CustomAudiences.Select(a => (JsonNode)JsonValue.Create(a)!)]);
        }

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

    public void AddExecution(string job, DateTimeOffset created, FakeExecutionOutcome outcome) => _executions.Add(job, created, outcome);

    /// <summary>Answers a list request, or <see langword="null"/> when the request is not one.</summary>
    public RestResponse? TryHandle(RecordedRestRequest request)
    {
        var path = request.RawTarget.Split('?', 2)[0];
        if (ExecutionsPath().Match(path) is { Success: true } executions)
        {
            return request.Method == "GET" ? ListExecutions(request, executions.Groups[1].Value) : RestResponse.NoSuchRoute(request.Method, path);
        }

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

    private RestResponse ListExecutions(RecordedRestRequest request, string job)
    {
        lock (_gate)
        {
            if (!_jobs.ContainsKey(job))
            {
                var parts = job.Split('/');
                return FakeRunAnswers.NotFound(parts[1], parts[3], parts[5]);
            }
        }

        return _executions.List(request, job, MaxPageSize);
    }

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+)/(services|jobs)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();

    [GeneratedRegex("^/v2/(projects/[^/]+/locations/[^/]+/jobs/[^/:]+)/executions$", RegexOptions.CultureInvariant)]
    private static partial Regex ExecutionsPath();
}
