using System.Net;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Scheduler.Internal;

namespace Pax.GoogleCloud.Scheduler;

/// <summary>
/// Cloud Scheduler jobs over the v1 REST API (<c>https://cloudscheduler.googleapis.com/v1/projects/{p}/locations/{l}/jobs</c>):
/// create-or-update and get, for HTTP jobs whose target is a <see cref="SchedulerTarget"/> (so the token always suits the
/// target). A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>. The caller's identity needs
/// <c>roles/cloudscheduler.admin</c> and <c>roles/iam.serviceAccountUser</c> on the target's service account.
/// Every call is retried on transient failures: a create names its job, so a repeated create finds the job and updates it.
/// </summary>
internal sealed class CloudSchedulerClient
{
    private const string AlreadyExists = "ALREADY_EXISTS";
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public CloudSchedulerClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForCloudScheduler(options.Value), listLimits: options.Value.ListLimits);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://cloudscheduler.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Returns whether <paramref name="name"/> is a full job name <c>projects/{project}/locations/{location}/jobs/{id}</c>.</summary>
    /// <param name="name">The name to check.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsJobName(string? name) => SchedulerNames.IsJobName(name);

    /// <inheritdoc cref="GoogleCloudDeployer.CreateOrUpdateSchedulerJobAsync"/>
    public async Task<SchedulerJobWriteResult> CreateOrUpdateJobAsync(SchedulerJobDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        var resource = SchedulerJobMapping.ToResource(definition);
        try
        {
            var created = await SendAsync(
                HttpMethod.Post, $"v1/projects/{definition.Project}/locations/{definition.Location}/jobs", resource, Operation("create", definition), cancellationToken).ConfigureAwait(false);
            return new SchedulerJobWriteResult(SchedulerJobMapping.ToJob(created, definition.Name), SchedulerJobWriteOutcome.Created);
        }
        catch (GoogleApiException exception) when (exception.HttpStatus == HttpStatusCode.Conflict && exception.Status == AlreadyExists)
        {
            // The job exists: make it match the definition.
        }

        var updated = await SendAsync(
            HttpMethod.Patch, $"v1/{definition.Name}?updateMask={Uri.EscapeDataString(SchedulerJobMapping.UpdateMask)}", resource, Operation("update", definition), cancellationToken).ConfigureAwait(false);
        return new SchedulerJobWriteResult(SchedulerJobMapping.ToJob(updated, definition.Name), SchedulerJobWriteOutcome.Updated);
    }

    /// <summary>Gets a job (<c>GET v1/{name}</c>).</summary>
    /// <param name="name">The full job name: <c>projects/{project}/locations/{location}/jobs/{id}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, or <see langword="null"/> when it does not exist.</returns>
    /// <exception cref="ArgumentException">The name is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Scheduler refused the call (403: grant <c>roles/cloudscheduler.viewer</c>).</exception>
    public async Task<SchedulerJob?> GetJobAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!IsJobName(name))
        {
            throw new ArgumentException($"'{name}' is not a job name: use projects/{{project}}/locations/{{location}}/jobs/{{id}} ({SchedulerNames.JobIdRule}).", nameof(name));
        }

        var operation = new GoogleOperation("cloudscheduler", "cloudscheduler.jobs.get", $"job '{name}'", "roles/cloudscheduler.viewer");
        var resource = await _transport.GetJsonOrNullAsync($"v1/{name}", GoogleCloudJsonContext.Default.SchedulerJobResource, operation, cancellationToken).ConfigureAwait(false);
        return resource is null ? null : SchedulerJobMapping.ToJob(resource, name);
    }

    /// <summary>
    /// Lists the jobs of a location, every page (<c>GET v1/projects/{p}/locations/{l}/jobs?pageSize=500&amp;pageToken=…</c>;
    /// cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs/list: "The maximum page size is 500").
    /// </summary>
    /// <param name="project">The project id.</param>
    /// <param name="location">The location, such as <c>us-east1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every job of the location (non-HTTP jobs have no <see cref="SchedulerJob.Uri"/>).</returns>
    /// <exception cref="ArgumentException">The project or location is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Scheduler refused the call (403: grant <c>roles/cloudscheduler.viewer</c>).</exception>
    public async Task<IReadOnlyList<SchedulerJob>> ListJobsAsync(string project, string location, CancellationToken cancellationToken = default)
    {
        var parent = GoogleResourceNames.LocationParent(project, location);
        var operation = new GoogleOperation("cloudscheduler", "cloudscheduler.jobs.list", $"'{parent}'", "roles/cloudscheduler.viewer");
        var jobs = await _transport.ListAllAsync(
            $"v1/{parent}/jobs", 500, GoogleCloudJsonContext.Default.SchedulerJobList, page => page.Jobs, page => page.NextPageToken, operation, cancellationToken)
            .ConfigureAwait(false);
        return jobs.Where(j => j.Name is not null).Select(j => SchedulerJobMapping.ToJob(j, j.Name!)).ToArray();
    }

    /// <summary>
    /// Switches the token an HTTP job sends, and nothing else: reads the job (<c>GET v1/{name}</c>), replaces the token of
    /// its <c>httpTarget</c> (the oneof <c>oauthToken</c>/<c>oidcToken</c>), and writes the target back
    /// (<c>PATCH v1/{name}?updateMask=httpTarget</c>; cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs/patch)
    /// with its URL, method, headers and body as read. OAuth for Google APIs (<paramref name="scopeOrAudience"/> = the scope),
    /// OIDC for Cloud Run (<paramref name="scopeOrAudience"/> = the service URL as audience).
    /// </summary>
    /// <param name="name">The job: <c>projects/P/locations/L/jobs/J</c>.</param>
    /// <param name="kind">The token to send.</param>
    /// <param name="serviceAccountEmail">The service account the token is minted for.</param>
    /// <param name="scopeOrAudience">The OAuth scope, or the OIDC audience.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job as stored.</returns>
    /// <exception cref="ArgumentException">The name or account is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">The job does not exist or is not an HTTP job (404), or Cloud Scheduler refused the change.</exception>
    public async Task<SchedulerJob> SetTokenAsync(string name, SchedulerTokenKind kind, string serviceAccountEmail, string scopeOrAudience, CancellationToken cancellationToken = default)
    {
        if (!IsJobName(name))
        {
            throw new ArgumentException($"'{name}' is not a job name: use projects/{{project}}/locations/{{location}}/jobs/{{id}}.", nameof(name));
        }

        SchedulerTargetRules.CheckServiceAccount(serviceAccountEmail);
        var read = new GoogleOperation("cloudscheduler", "cloudscheduler.jobs.get", $"job '{name}'", "roles/cloudscheduler.viewer");
        var job = await _transport.GetJsonOrNullAsync($"v1/{name}", GoogleCloudJsonContext.Default.SchedulerJobResource, read, cancellationToken).ConfigureAwait(false);
        if (job?.HttpTarget is not { } target)
        {
            throw new GoogleApiException("cloudscheduler", HttpStatusCode.NotFound, "NOT_FOUND", null, $"Job '{name}' does not exist or has no HTTP target; its token was not changed.");
        }

        target.OauthToken = kind == SchedulerTokenKind.OAuth ? new SchedulerOAuthTokenResource { ServiceAccountEmail = serviceAccountEmail, Scope = scopeOrAudience } : null;
        target.OidcToken = kind == SchedulerTokenKind.Oidc ? new SchedulerOidcTokenResource { ServiceAccountEmail = serviceAccountEmail, Audience = scopeOrAudience } : null;
        var operation = new GoogleOperation(
            "cloudscheduler", $"cloudscheduler.jobs.update (and iam.serviceAccounts.actAs on {serviceAccountEmail})", $"job '{name}'",
            $"roles/cloudscheduler.admin, and roles/iam.serviceAccountUser on {serviceAccountEmail}");
        var updated = await SendAsync(HttpMethod.Patch, $"v1/{name}?updateMask=httpTarget", new SchedulerJobResource { Name = name, HttpTarget = target }, operation, cancellationToken)
            .ConfigureAwait(false);
        return SchedulerJobMapping.ToJob(updated, name);
    }

    private Task<SchedulerJobResource> SendAsync(HttpMethod method, string pathAndQuery, SchedulerJobResource resource, GoogleOperation operation, CancellationToken cancellationToken) =>
        _transport.SendJsonAsync(
            method,
            pathAndQuery,
            resource,
            GoogleCloudJsonContext.Default.SchedulerJobResource,
            GoogleCloudJsonContext.Default.SchedulerJobResource,
            operation,
            retryable: true,
            cancellationToken);

    private static GoogleOperation Operation(string verb, SchedulerJobDefinition definition) => new(
        "cloudscheduler",
        $"cloudscheduler.jobs.{verb} (and iam.serviceAccounts.actAs on {definition.Target.ServiceAccountEmail})",
        $"job '{definition.Name}'",
        $"roles/cloudscheduler.admin, and roles/iam.serviceAccountUser on {definition.Target.ServiceAccountEmail}");
}
