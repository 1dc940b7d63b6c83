using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.CloudScheduler.Internal;

/// <summary>The jobs a <see cref="FakeCloudSchedulerServer"/> holds, and its routes: create, get and patch.</summary>
internal sealed partial class FakeSchedulerJobs(TimeProvider timeProvider)
{
    private const string DefaultScope = "https://www.googleapis.com/auth/cloud-platform";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _jobs = new(StringComparer.Ordinal);

    public JsonObject? Get(string name)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(name, out var job) ? (JsonObject)job.DeepClone() : null;
        }
    }

    /// <summary>
    /// Records the target's answer to the job's last attempt, as Cloud Scheduler does after running it: <c>lastAttemptTime</c>
    /// and <c>status</c> (a <c>google.rpc.Status</c>; OK is the empty status, code 0 being left out in proto3 JSON).
    /// </summary>
    public void RecordAttempt(string name, int code, string? message, DateTimeOffset at)
    {
        lock (_gate)
        {
            var job = _jobs[name];
            var status = new JsonObject();
            if (code != 0)
            {
                status["code"] = code;
                status["message"] = message;
            }

            job["status"] = status;
            job["lastAttemptTime"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Gets or sets the most jobs one list page holds (the API's maximum is 500), so tests can force several pages.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Stores a job as a create would (validated the same way); throws when the API would refuse it.</summary>
    public void Seed(JsonObject job)
    {
        var error = FakeSchedulerJobRules.Validate(job, complete: true);
        var name = (string?)job["name"];
        error ??= name is not null && JobPath().IsMatch($"/v1/{name}") ? null : $"Job name '{name}' is not projects/P/locations/L/jobs/ID.";
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(job));
        }

        lock (_gate)
        {
            _jobs[name!] = Normalize(job);
        }
    }

    public RestResponse Handle(RecordedRestRequest request)
    {
        var path = request.RawTarget.Split('?', 2)[0];
        if (ParentPath().Match(path) is { Success: true } parent)
        {
            return request.Method switch
            {
                "POST" => Create(request, parent.Groups[1].Value),
                "GET" => List(request, parent.Groups[1].Value),
                _ => RestResponse.NoSuchRoute(request.Method, path),
            };
        }

        if (JobPath().Match(path) is { Success: true } job)
        {
            return request.Method switch
            {
                "GET" => Read(request, job.Groups[1].Value),
                "PATCH" => Patch(request, job.Groups[1].Value),
                "DELETE" => RestResponse.InvalidArgument("FakeCloudSchedulerServer does not implement jobs.delete."),
                _ => RestResponse.NoSuchRoute(request.Method, path),
            };
        }

        return RestResponse.NoSuchRoute(request.Method, path);
    }

    private RestResponse Create(RecordedRestRequest request, string parent)
    {
        var job = StrictJson.ParseObject(request, out var error);
        error ??= UnknownQuery(request);
        error ??= FakeSchedulerJobRules.Validate(job!, complete: true);
        var name = (string?)job?["name"];
        error ??= name is null ? "FakeCloudSchedulerServer needs Job.name on create (server-generated ids are not implemented)." : null;
        error ??= JobPath().IsMatch($"/v1/{name}") && name!.StartsWith(parent + "/jobs/", StringComparison.Ordinal)
            ? null : $"Job name '{name}' must be {parent}/jobs/JOB_ID (JOB_ID: letters, digits, hyphens, underscores).";
        if (error is not null)
        {
            return RestResponse.InvalidArgument(error);
        }

        lock (_gate)
        {
            if (_jobs.ContainsKey(name!))
            {
                return RestResponse.Error(409, "ALREADY_EXISTS", $"Job {name} already exists.");
            }

            _jobs[name!] = Normalize(job!);
            return RestResponse.Json(_jobs[name!].DeepClone());
        }
    }

    // projects.locations.jobs.list (cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs/list):
    // GET v1/{parent}/jobs?pageSize&pageToken, "The maximum page size is 500. If unspecified, the page size will be the
    // maximum"; answer {"jobs":[…],"nextPageToken":"…"}, the token absent on the last page.
    private RestResponse List(RecordedRestRequest request, string parent)
    {
        if (request.Query.TryGetValue("pageSize", out var size) && int.TryParse(size, out var asked) && asked > 500)
        {
            return RestResponse.InvalidArgument($"Page size {asked} is larger than the maximum of 500.");
        }

        JsonNode[] jobs;
        lock (_gate)
        {
            jobs = _jobs.Where(j => j.Key.StartsWith(parent + "/jobs/", StringComparison.Ordinal))
                .OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => (JsonNode)j.Value.DeepClone()).ToArray();
        }

        return FakePages.Answer(request, parent, "jobs", jobs, MaxPageSize);
    }

    private RestResponse Read(RecordedRestRequest request, string name)
    {
        if (UnknownQuery(request) is { } error)
        {
            return RestResponse.InvalidArgument(error);
        }

        return Get(name) is { } job ? RestResponse.Json(job) : RestResponse.Error(404, "NOT_FOUND", "Job not found.");
    }

    private RestResponse Patch(RecordedRestRequest request, string name)
    {
        var body = StrictJson.ParseObject(request, out var error);
        error ??= UnknownQuery(request, "updateMask");
        error ??= FakeSchedulerJobRules.Validate(body!, complete: false);
        error ??= body!["name"] is { } bodyName && (string?)bodyName != name ? $"Job.name '{(string?)bodyName}' does not match the URL's '{name}'." : null;
        // An omitted mask updates the fields the request holds (google.aip.dev/134: "MUST treat an omitted field mask as
        // 'replace fields which are present'"); each path is applied as the FieldMask reference says (FakeSchedulerUpdateMask).
        var mask = request.Query.TryGetValue("updateMask", out var given)
            ? given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : body?.Select(p => p.Key).Where(FakeSchedulerUpdateMask.TopLevelFields.Contains).ToArray() ?? [];
        error ??= mask.Select(FakeSchedulerUpdateMask.Unmappable).FirstOrDefault(problem => problem is not null);
        if (error is not null)
        {
            return RestResponse.InvalidArgument(error);
        }

        lock (_gate)
        {
            if (!_jobs.TryGetValue(name, out var stored))
            {
                return RestResponse.Error(404, "NOT_FOUND", "Job not found.");
            }

            var merged = (JsonObject)stored.DeepClone();
            FakeSchedulerUpdateMask.Apply(merged, body!, mask);

            if (FakeSchedulerJobRules.Validate(merged, complete: true) is { } invalid)
            {
                return RestResponse.InvalidArgument(invalid);
            }

            // An update changes the configuration, not the record of the last attempt (output only).
            var updated = Normalize(merged);
            foreach (var field in new[] { "status", "lastAttemptTime" })
            {
                if (stored[field] is { } kept)
                {
                    updated[field] = kept.DeepClone();
                }
            }

            _jobs[name] = updated;
            return RestResponse.Json(_jobs[name].DeepClone());
        }
    }

    /// <summary>Output fields set by the server, documented defaults filled in (method POST, token scope or audience).</summary>
    private JsonObject Normalize(JsonObject job)
    {
        var stored = (JsonObject)job.DeepClone();
        var state = (string?)stored["state"] ?? "ENABLED";
        foreach (var field in FakeSchedulerJobRules.OutputOnly)
        {
            stored.Remove(field);
        }

        stored["state"] = state;
        stored["userUpdateTime"] = timeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        stored["attemptDeadline"] ??= "180s";
        var target = stored["httpTarget"]!.AsObject();
        target["httpMethod"] ??= "POST";
        if (target["oauthToken"] is JsonObject oauth)
        {
            oauth["scope"] ??= DefaultScope;
        }

        if (target["oidcToken"] is JsonObject oidc)
        {
            oidc["audience"] ??= (string?)target["uri"];
        }

        return stored;
    }

    private static string? UnknownQuery(RecordedRestRequest request, params string[] allowed) =>
        request.Query.Keys.FirstOrDefault(key => !allowed.Contains(key, StringComparer.Ordinal)) is { } unknown
            ? $"Invalid JSON payload received. Unknown name \"{unknown}\": Cannot bind query parameter."
            : null;

    [GeneratedRegex("^/v1/(projects/[^/]+/locations/[^/]+)/jobs$", RegexOptions.CultureInvariant)]
    private static partial Regex ParentPath();

    [GeneratedRegex("^/v1/(projects/[^/]+/locations/[^/]+/jobs/[A-Za-z0-9_-]{1,500})$", RegexOptions.CultureInvariant)]
    private static partial Regex JobPath();
}
