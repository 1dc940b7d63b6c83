using System.Net;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Http.Internal;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Run.Internal;

namespace Pax.GoogleCloud.Run;

/// <summary>
/// IAM policies of Cloud Run services and jobs through the Admin API v2 (<c>{resource}:getIamPolicy</c>,
/// <c>{resource}:setIamPolicy</c>), for the grants Pax's callers need: <c>roles/run.invoker</c> for push subscriptions,
/// Eventarc triggers and Scheduler jobs, and <c>roles/run.jobsExecutorWithOverrides</c> (+ <c>roles/run.viewer</c>) for
/// the identity of a job trigger, which runs the job with overrides. A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>.
/// The caller's identity needs <c>roles/run.admin</c> on the resource (or another role with <c>run.*.setIamPolicy</c>).
/// </summary>
internal sealed class CloudRunIamClient
{
    /// <summary>The role that lets a member call a service or run a job <b>without</b> overrides (<c>run.jobs.run</c>): <c>roles/run.invoker</c>.</summary>
    public const string InvokerRole = "roles/run.invoker";

    /// <summary>
    /// The role that lets a member run a job <b>with</b> overrides (<c>run.jobs.run</c>, <c>run.jobs.runWithOverrides</c>,
    /// <c>run.executions.cancel</c>): <c>roles/run.jobsExecutorWithOverrides</c> ("Cloud Run Jobs Executor With Overrides",
    /// cloud.google.com/iam/docs/roles-permissions/run). <c>roles/run.developer</c> also holds it, with much more.
    /// </summary>
    public const string JobsExecutorWithOverridesRole = "roles/run.jobsExecutorWithOverrides";

    /// <summary>The role that lets a member read Cloud Run resources, a job's executions included (<c>run.executions.list</c>): <c>roles/run.viewer</c>.</summary>
    public const string ViewerRole = "roles/run.viewer";

    private const string Aborted = "ABORTED";
    private readonly GoogleRestTransport _transport;
    private readonly GoogleRetryOptions _retry;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options (<see cref="GoogleCloudOptions.Retry"/> also paces retries after etag conflicts).</param>
    /// <param name="timeProvider">The clock the waits between conflicting attempts use.</param>
    public CloudRunIamClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForCloudRun(options.Value));
        _retry = options.Value.Retry;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://run.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Returns whether <paramref name="resource"/> names a Cloud Run service or job: <c>projects/P/locations/R/services/S</c> or <c>projects/P/locations/R/jobs/J</c>.</summary>
    /// <param name="resource">The name to check.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsResourceName(string? resource)
    {
        var parts = resource?.Split('/');
        return parts is { Length: 6 } && parts[0] == "projects" && parts[2] == "locations" && parts[4] is "services" or "jobs"
            && GoogleResourceNames.IsProject(parts[1]) && GoogleResourceNames.IsLocation(parts[3]) && GoogleResourceNames.IsCloudRunId(parts[5]);
    }

    /// <summary>Returns whether <paramref name="member"/> is an IAM member such as <c>serviceAccount:a@p.iam.gserviceaccount.com</c>, <c>user:…</c>, <c>group:…</c>, <c>domain:…</c> or <c>allUsers</c>.</summary>
    /// <param name="member">The member to check.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsMember(string? member) => IamMembers.IsMember(member);

    /// <inheritdoc cref="GoogleCloudDeployer.EnsureInvokerAsync"/>
    public Task<RoleGrantResult> EnsureInvokerAsync(string resource, string member, CancellationToken cancellationToken = default) =>
        EnsureRoleAsync(resource, member, InvokerRole, cancellationToken);

    /// <inheritdoc cref="GoogleCloudDeployer.EnsureJobRunnerWithOverridesAsync"/>
    public async Task<IReadOnlyList<RoleGrantResult>> EnsureJobRunnerWithOverridesAsync(string job, string member, CancellationToken cancellationToken = default)
    {
        if (!CloudRunJobsClient.IsJobName(job) || !IsResourceName(job))
        {
            throw new ArgumentException($"'{job}' is not a Cloud Run job: use projects/{{project}}/locations/{{region}}/jobs/{{job}}.", nameof(job));
        }

        var runner = await EnsureRoleAsync(job, member, JobsExecutorWithOverridesRole, cancellationToken).ConfigureAwait(false);
        var viewer = await EnsureRoleAsync(job, member, ViewerRole, cancellationToken).ConfigureAwait(false);
        return [runner, viewer];
    }

    /// <inheritdoc cref="GoogleCloudDeployer.EnsureRoleAsync"/>
    public async Task<RoleGrantResult> EnsureRoleAsync(string resource, string member, string role, CancellationToken cancellationToken = default)
    {
        Validate(resource, member);
        if (!IsRole(role))
        {
            throw new ArgumentException($"'{role}' is not a role: use roles/NAME (such as {InvokerRole}), projects/P/roles/NAME or organizations/O/roles/NAME.", nameof(role));
        }

        var attempts = _retry.MaxRetryAttempts + 1;
        for (var attempt = 1; ; attempt++)
        {
            var policy = await GetPolicyAsync(resource, cancellationToken).ConfigureAwait(false);
            if (IamPolicyEditor.HasUnconditionalMember(policy, role, member))
            {
                return new RoleGrantResult(resource, member, role, Changed: false, attempt);
            }

            IamPolicyEditor.AddMember(policy, role, member);
            try
            {
                await SetPolicyAsync(resource, policy, cancellationToken).ConfigureAwait(false);
                return new RoleGrantResult(resource, member, role, Changed: true, attempt);
            }
            catch (GoogleApiException conflict) when (IsConcurrentChange(conflict))
            {
                if (attempt >= attempts)
                {
                    throw new GoogleApiException(
                        conflict.Api, conflict.HttpStatus, conflict.Status, conflict.Reason,
                        $"Granting {role} to {member} on {resource} met a concurrent policy change on each of {attempts} attempts (409 ABORTED: the etag was stale each time); "
                        + $"nothing was written by Pax. Retry later, or raise {GoogleCloudOptions.SectionName}:Retry:MaxRetryAttempts.",
                        conflict);
                }

                var delay = GoogleRetryPipeline.GetDelay(_retry, attempt - 1, Random.Shared.NextDouble());
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads the IAM policy of a service or job (<c>GET v2/{resource}:getIamPolicy?options.requestedPolicyVersion=3</c>,
    /// cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/getIamPolicy) as its bindings.
    /// The caller needs <c>run.services.getIamPolicy</c> / <c>run.jobs.getIamPolicy</c> (<c>roles/run.viewer</c>).
    /// </summary>
    /// <param name="resource">The service (<c>projects/P/locations/R/services/S</c>) or job (<c>projects/P/locations/R/jobs/J</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The policy's bindings (conditional ones marked).</returns>
    /// <exception cref="ArgumentException">The resource is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">The resource does not exist (404) or the caller may not read its policy (403).</exception>
    public async Task<IReadOnlyList<Iam.IamRoleBinding>> GetBindingsAsync(string resource, CancellationToken cancellationToken = default)
    {
        if (!IsResourceName(resource))
        {
            throw new ArgumentException(
                $"'{resource}' is not a Cloud Run service or job: use projects/{{project}}/locations/{{region}}/services/{{service}} or …/jobs/{{job}}.", nameof(resource));
        }

        var policy = await GetPolicyAsync(resource, cancellationToken).ConfigureAwait(false);
        return IamPolicyBindings.From(policy);
    }

    private static bool IsRole(string? role)
    {
        var parts = role?.Split('/');
        static bool Name(string part) => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_');
        return parts switch
        {
            ["roles", var name] => Name(name),
            ["projects" or "organizations", var owner, "roles", var name] => owner.Length > 0 && Name(name),
            _ => false,
        };
    }

    private static void Validate(string resource, string member)
    {
        if (!IsResourceName(resource))
        {
            throw new ArgumentException(
                $"'{resource}' is not a Cloud Run service or job: use projects/{{project}}/locations/{{region}}/services/{{service}} or …/jobs/{{job}}.", nameof(resource));
        }

        if (!IamMembers.IsMember(member))
        {
            throw new ArgumentException(IamMembers.Explain(member), nameof(member));
        }
    }

    private static bool IsConcurrentChange(GoogleApiException exception) =>
        exception.HttpStatus == HttpStatusCode.Conflict && exception.Status is null or Aborted;

    private async Task<IamPolicy> GetPolicyAsync(string resource, CancellationToken cancellationToken)
    {
        var operation = Operation(resource, "getIamPolicy");
        return await _transport.GetJsonOrNullAsync($"v2/{resource}:getIamPolicy?options.requestedPolicyVersion=3", GoogleCloudJsonContext.Default.IamPolicy, operation, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new GoogleApiException(operation.Api, HttpStatusCode.NotFound, "NOT_FOUND", null, $"{Describe(resource)} does not exist (HTTP 404 from {operation}): deploy it before granting access to it.");
    }

    private Task<IamPolicy> SetPolicyAsync(string resource, IamPolicy policy, CancellationToken cancellationToken) =>
        _transport.SendJsonAsync(
            HttpMethod.Post,
            $"v2/{resource}:setIamPolicy",
            new SetIamPolicyRequest { Policy = policy, UpdateMask = "bindings,etag" },
            GoogleCloudJsonContext.Default.SetIamPolicyRequest,
            GoogleCloudJsonContext.Default.IamPolicy,
            Operation(resource, "setIamPolicy"),
            retryable: true, // guarded by the etag: a repeated write after a lost answer meets 409 and re-reads.
            cancellationToken);

    private static GoogleOperation Operation(string resource, string method)
    {
        var kind = resource.Split('/')[4];
        return new GoogleOperation("run", $"run.{kind}.{method}", Describe(resource), "roles/run.admin");
    }

    private static string Describe(string resource) =>
        resource.Split('/')[4] == "jobs" ? $"job '{resource}'" : $"service '{resource}'";
}
