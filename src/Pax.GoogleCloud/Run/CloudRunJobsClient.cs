using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Run.Internal;

namespace Pax.GoogleCloud.Run;

/// <summary>
/// Starts Cloud Run job executions through the Admin API v2 (<c>POST https://run.googleapis.com/v2/projects/{p}/locations/{r}/jobs/{j}:run</c>)
/// with an OAuth access token (cloud-platform scope) — never an OIDC ID token, which the Admin API answers with 401.
/// A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>. A run is sent once (retrying could
/// start two executions); the caller decides what to do on failure.
/// Permissions on the job (cloud.google.com/run/docs/reference/iam/permissions): a run needs <c>run.jobs.run</c>
/// (in <c>roles/run.invoker</c>); a run <b>with overrides</b> also needs <c>run.jobs.runWithOverrides</c>, which
/// <c>roles/run.invoker</c> does not include — grant <see cref="CloudRunIamClient.JobsExecutorWithOverridesRole"/>
/// (<c>roles/run.jobsExecutorWithOverrides</c>) or <c>roles/run.developer</c>; listing executions needs
/// <c>run.executions.list</c> (<c>roles/run.viewer</c>). <see cref="CloudRunIamClient.EnsureJobRunnerWithOverridesAsync"/> grants both.
/// </summary>
internal sealed class CloudRunJobsClient
{
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public CloudRunJobsClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForCloudRun(options.Value));
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://run.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Returns whether <paramref name="job"/> is a full job name <c>projects/{project}/locations/{region}/jobs/{job}</c>.</summary>
    /// <param name="job">The name to check.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsJobName(string? job)
    {
        var parts = job?.Split('/');
        return parts is { Length: 6 } && parts[0] == "projects" && parts[2] == "locations" && parts[4] == "jobs"
            && parts[1].Length > 0 && parts[3].Length > 0 && parts[5].Length > 0;
    }

    /// <summary>Starts an execution of a job and returns without waiting for it.</summary>
    /// <param name="job">The full job name: <c>projects/{project}/locations/{region}/jobs/{job}</c>.</param>
    /// <param name="overrides">
    /// Overrides for this execution, or <see langword="null"/>. With overrides the caller needs <c>run.jobs.runWithOverrides</c>
    /// on the job, which <c>roles/run.invoker</c> lacks: grant <c>roles/run.jobsExecutorWithOverrides</c> (or <c>roles/run.developer</c>).
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The long-running operation.</returns>
    /// <exception cref="ArgumentException">The job name is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">
    /// Cloud Run refused the call. 403 <c>PERMISSION_DENIED</c>: without overrides grant <c>roles/run.invoker</c> on the
    /// job; with overrides grant <c>roles/run.jobsExecutorWithOverrides</c> (the message names the permission and the role).
    /// </exception>
    public Task<CloudRunOperation> RunJobAsync(string job, CloudRunJobOverrides? overrides = null, CancellationToken cancellationToken = default)
    {
        if (!IsJobName(job))
        {
            throw new ArgumentException($"'{job}' is not a job name: use projects/{{project}}/locations/{{region}}/jobs/{{job}}.", nameof(job));
        }

        var operation = overrides is null
            ? new GoogleOperation("run", "run.jobs.run", $"job '{job}'", CloudRunIamClient.InvokerRole)
            : new GoogleOperation(
                "run",
                "run.jobs.run and run.jobs.runWithOverrides",
                $"job '{job}'",
                $"{CloudRunIamClient.JobsExecutorWithOverridesRole} on the job (or roles/run.developer; {CloudRunIamClient.InvokerRole} lacks run.jobs.runWithOverrides, which a run with overrides needs)");
        return _transport.SendJsonAsync(
            HttpMethod.Post,
            $"v2/{job}:run",
            new CloudRunRunJobRequest { Overrides = overrides },
            GoogleCloudJsonContext.Default.CloudRunRunJobRequest,
            GoogleCloudJsonContext.Default.CloudRunOperation,
            operation,
            retryable: false,
            cancellationToken);
    }

    /// <summary>
    /// Lists one page of the job's executions (<c>GET v2/{job}/executions</c>; Cloud Run keeps the most recent 1,000 and
    /// those of the last seven days). Needs <c>run.executions.list</c> on the job (<c>roles/run.viewer</c>). Retried on
    /// Google's transient errors like any read.
    /// </summary>
    /// <param name="job">The full job name: <c>projects/{project}/locations/{region}/jobs/{job}</c>.</param>
    /// <param name="pageSize">The most executions to return (at least 1).</param>
    /// <param name="pageToken">The previous page's <see cref="CloudRunExecutionList.NextPageToken"/>, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The job name or page size is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Run refused the call (403: grant <c>roles/run.viewer</c> on the job; 404: no such job).</exception>
    public async Task<CloudRunExecutionList> ListExecutionsAsync(string job, int pageSize, string? pageToken, CancellationToken cancellationToken = default)
    {
        if (!IsJobName(job))
        {
            throw new ArgumentException($"'{job}' is not a job name: use projects/{{project}}/locations/{{region}}/jobs/{{job}}.", nameof(job));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var query = string.Create(CultureInfo.InvariantCulture, $"v2/{job}/executions?pageSize={pageSize}")
            + (string.IsNullOrEmpty(pageToken) ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
        var operation = new GoogleOperation("run", "run.executions.list", $"job '{job}'", "roles/run.viewer");
        return await _transport.GetJsonOrNullAsync(query, GoogleCloudJsonContext.Default.CloudRunExecutionList, operation, cancellationToken).ConfigureAwait(false)
            ?? throw new GoogleApiException(operation.Api, HttpStatusCode.NotFound, "NOT_FOUND", null, $"Job '{job}' does not exist (HTTP 404 listing its executions): deploy it first.");
    }
}
