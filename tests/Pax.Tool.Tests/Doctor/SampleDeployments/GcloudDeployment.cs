using System.Globalization;
using System.Text.Json.Nodes;
using Pax.TestSupport.CloudRun;

namespace Pax.Tool.Tests.Doctor.SampleDeployments;

/// <summary>
/// What a series of <c>gcloud</c> calls leaves in a project, as the Google APIs would then show it to <c>pax doctor</c>:
/// Cloud Run services (<c>run deploy</c>: <c>--timeout</c>, else Cloud Run's 300 s; <c>--set-env-vars</c>, then
/// <c>services update --update-env-vars</c>) and jobs, their IAM policies and the project's, Pub/Sub topics and
/// subscriptions (push endpoint and token, ack deadline, retry and dead-letter policy, as gcloud pubsub subscriptions
/// create/update set them) and their IAM bindings, Cloud Scheduler HTTP jobs (URI, method, token, <c>--attempt-deadline</c>,
/// else none: Scheduler's default). A call it does not know fails the test, so a script that starts to create something
/// new makes this model grow with it rather than leave it out.
/// </summary>
internal sealed class GcloudDeployment
{
    // Calls that change nothing pax doctor reads: APIs, images, service accounts, Firestore, buckets, and the reads.
    private static readonly string[][] Unread =
    [
        ["services", "enable"], ["artifacts", "repositories"], ["builds", "submit"], ["iam", "service-accounts"], ["firestore"],
        ["storage", "buckets", "add-iam-policy-binding"], ["run", "services", "describe"], ["projects", "describe"],
    ];

    private readonly Dictionary<string, (Dictionary<string, string> Env, string Timeout)> _services = new(StringComparer.Ordinal);
    private readonly HashSet<string> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Role, string Member)>> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _schedulerJobs = new(StringComparer.Ordinal);

    /// <summary>Gets the Pub/Sub topics created (<c>projects/P/topics/T</c>).</summary>
    public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the subscriptions as Pub/Sub would return them, by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Subscriptions => _subscriptions;

    /// <summary>Gets the Scheduler jobs as Cloud Scheduler would return them (before its defaults), by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> SchedulerJobs => _schedulerJobs;

    /// <summary>Gets the request timeout of each Cloud Run service, by name (<c>300s</c> when not set).</summary>
    public IReadOnlyDictionary<string, string> ServiceTimeouts => _services.ToDictionary(p => p.Key, p => p.Value.Timeout, StringComparer.Ordinal);

    /// <summary>Gets the members of <paramref name="role"/> on <paramref name="resource"/> (a REST name, or <c>projects/P</c>).</summary>
    public IEnumerable<string> Members(string resource, string role) =>
        _policies.GetValueOrDefault(resource)?.Where(b => b.Role == role).Select(b => b.Member) ?? [];

    /// <summary>Applies the calls of one script run, in order.</summary>
    public void Apply(IEnumerable<GcloudCall> calls)
    {
        foreach (var call in calls)
        {
            Apply(call);
        }
    }

    /// <summary>Puts the deployment into the project's fakes: every service answers at <paramref name="serviceUrl"/> (the scripts deploy one).</summary>
    public void SeedInto(DoctorProject project, Uri serviceUrl)
    {
        Assert.True(_services.Count <= 1, "the scripts deploy one Cloud Run service; give each its URL before deploying more.");
        foreach (var (name, (env, timeout)) in _services)
        {
            project.Run.AddService(name, serviceUrl, Policy(name), template: new FakeServiceTemplate { Timeout = timeout, Env = env });
        }

        foreach (var job in _jobs)
        {
            project.Run.AddJob(job, Policy(job));
        }

        foreach (var subscription in _subscriptions.Values)
        {
            project.PubSub.AddSubscription((JsonObject)subscription.DeepClone());
        }

        foreach (var job in _schedulerJobs.Values)
        {
            project.Scheduler.AddJob((JsonObject)job.DeepClone());
        }

        project.ResourceManager.SetProjectPolicy(DoctorProject.Project, Policy($"projects/{DoctorProject.Project}"));
    }

    private void Apply(GcloudCall call)
    {
        if (Unread.Any(prefix => call.Is(prefix)))
        {
            return;
        }

        var project = call.Flag("project") ?? (call.Is("projects") ? call.Words[^1] : throw new InvalidOperationException($"{call}: no --project"));
        var location = call.Flag("region") ?? call.Flag("location");
        var words = call.Words;
        switch (words)
        {
            case ["run", "deploy", var service]:
                _services[$"projects/{project}/locations/{location}/services/{service}"] = (EnvVars(call.Flag("set-env-vars")), Seconds(call.Flag("timeout")) ?? "300s");
                break;
            case ["run", "services", "update", var service]:
                foreach (var (key, value) in EnvVars(call.Flag("update-env-vars")))
                {
                    _services[$"projects/{project}/locations/{location}/services/{service}"].Env[key] = value;
                }

                break;
            case ["run", "jobs", "deploy", var job]:
                _jobs.Add($"projects/{project}/locations/{location}/jobs/{job}");
                break;
            case ["run", var collection and ("services" or "jobs"), "add-iam-policy-binding", var id]:
                Bind($"projects/{project}/locations/{location}/{collection}/{id}", call);
                break;
            case ["projects", "add-iam-policy-binding", var id]:
                Bind($"projects/{id}", call);
                break;
            case ["pubsub", "topics", "create", var topic]:
                Topics.Add($"projects/{project}/topics/{topic}");
                break;
            case ["pubsub", "topics", "add-iam-policy-binding", var topic]:
                Bind($"projects/{project}/topics/{topic}", call);
                break;
            case ["pubsub", "subscriptions", "add-iam-policy-binding", var id]:
                Bind($"projects/{project}/subscriptions/{id}", call);
                break;
            case ["pubsub", "subscriptions", "create" or "update", var id]:
                Subscription(project, id, call);
                break;
            case ["scheduler", "jobs", "create" or "update", "http", var id]:
                SchedulerJob($"projects/{project}/locations/{location}/jobs/{id}", call);
                break;
            case ["pubsub", "topics" or "subscriptions", "describe", _]:
            case ["scheduler", "jobs", "describe", _]:
                break;
            default:
                Assert.Fail($"{call}: a call this model does not know; teach GcloudDeployment what it creates.");
                break;
        }
    }

    // gcloud pubsub subscriptions create|update (cloud.google.com/sdk/gcloud/reference/pubsub/subscriptions/create):
    // --topic (create), --push-endpoint, --push-auth-service-account, --push-auth-token-audience, --ack-deadline,
    // --min-retry-delay / --max-retry-delay (retryPolicy), --dead-letter-topic and --max-delivery-attempts (default 5).
    private void Subscription(string project, string id, GcloudCall call)
    {
        var name = $"projects/{project}/subscriptions/{id}";
        if (!_subscriptions.TryGetValue(name, out var subscription))
        {
            var topic = call.Flag("topic") ?? throw new InvalidOperationException($"{call}: create without --topic");
            _subscriptions[name] = subscription = new JsonObject { ["name"] = name, ["topic"] = topic.Contains('/', StringComparison.Ordinal) ? topic : $"projects/{project}/topics/{topic}" };
        }

        if (call.Flag("push-endpoint") is { } endpoint)
        {
            var push = new JsonObject { ["pushEndpoint"] = endpoint };
            if (call.Flag("push-auth-service-account") is { } account)
            {
                push["oidcToken"] = new JsonObject { ["serviceAccountEmail"] = account, ["audience"] = call.Flag("push-auth-token-audience") ?? endpoint };
            }

            subscription["pushConfig"] = push;
        }

        if (call.Flag("ack-deadline") is { } ack)
        {
            subscription["ackDeadlineSeconds"] = int.Parse(ack, CultureInfo.InvariantCulture);
        }

        if (call.Flag("min-retry-delay") is { } min && call.Flag("max-retry-delay") is { } max)
        {
            subscription["retryPolicy"] = new JsonObject { ["minimumBackoff"] = min, ["maximumBackoff"] = max };
        }

        if (call.Flag("dead-letter-topic") is { } deadLetter)
        {
            subscription["deadLetterPolicy"] = new JsonObject
            {
                ["deadLetterTopic"] = deadLetter.Contains('/', StringComparison.Ordinal) ? deadLetter : $"projects/{project}/topics/{deadLetter}",
                ["maxDeliveryAttempts"] = int.Parse(call.Flag("max-delivery-attempts") ?? "5", CultureInfo.InvariantCulture),
            };
        }
    }

    // gcloud scheduler jobs create|update http (cloud.google.com/sdk/gcloud/reference/scheduler/jobs/create/http).
    private void SchedulerJob(string name, GcloudCall call)
    {
        var target = new JsonObject { ["uri"] = call.Flag("uri"), ["httpMethod"] = call.Flag("http-method") ?? "POST" };
        if (call.Flag("oidc-service-account-email") is { } oidc)
        {
            target["oidcToken"] = new JsonObject { ["serviceAccountEmail"] = oidc, ["audience"] = call.Flag("oidc-token-audience") ?? call.Flag("uri") };
        }

        if (call.Flag("oauth-service-account-email") is { } oauth)
        {
            target["oauthToken"] = new JsonObject { ["serviceAccountEmail"] = oauth, ["scope"] = call.Flag("oauth-token-scope") ?? "https://www.googleapis.com/auth/cloud-platform" };
        }

        var job = new JsonObject { ["name"] = name, ["schedule"] = call.Flag("schedule"), ["timeZone"] = call.Flag("time-zone") ?? "Etc/UTC", ["httpTarget"] = target };
        if (call.Flag("description") is { } description)
        {
            job["description"] = description;
        }

        if (call.Flag("attempt-deadline") is { } deadline)
        {
            job["attemptDeadline"] = deadline;
        }

        _schedulerJobs[name] = job;
    }

    private void Bind(string resource, GcloudCall call)
    {
        var (member, role) = (call.Flag("member"), call.Flag("role"));
        Assert.False(member is null || role is null, $"{call}: a binding without --member or --role");
        (_policies.TryGetValue(resource, out var bindings) ? bindings : _policies[resource] = []).Add((role!, member!));
    }

    private JsonObject Policy(string resource) =>
        DoctorProject.Policy([.. (_policies.GetValueOrDefault(resource) ?? []).GroupBy(b => b.Role).Select(g => (g.Key, g.Select(b => b.Member).Distinct().ToArray()))]);

    // --set-env-vars / --update-env-vars: KEY=VALUE pairs separated by commas.
    private static Dictionary<string, string> EnvVars(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    // A Cloud Run --timeout: seconds, or a duration such as 300s; the Admin API shows it as a Duration ("300s").
    private static string? Seconds(string? timeout) => timeout is null ? null : timeout.EndsWith('s') ? timeout : timeout + "s";
}
