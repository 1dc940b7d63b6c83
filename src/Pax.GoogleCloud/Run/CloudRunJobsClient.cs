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
/// </summary>
public sealed class CloudRunJobsClient
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
    /// <param name="overrides">Overrides for this execution (needs <c>run.jobs.runWithOverrides</c>, part of <c>roles/run.invoker</c>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The long-running operation.</returns>
    /// <exception cref="ArgumentException">The job name is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Run refused the call (403: grant <c>roles/run.invoker</c> on the job).</exception>
    public Task<CloudRunOperation> RunJobAsync(string job, CloudRunJobOverrides? overrides = null, CancellationToken cancellationToken = default)
    {
        if (!IsJobName(job))
        {
            throw new ArgumentException($"'{job}' is not a job name: use projects/{{project}}/locations/{{region}}/jobs/{{job}}.", nameof(job));
        }

        var permission = overrides is null ? "run.jobs.run" : "run.jobs.run and run.jobs.runWithOverrides";
        return _transport.SendJsonAsync(
            HttpMethod.Post,
            $"v2/{job}:run",
            new CloudRunRunJobRequest { Overrides = overrides },
            GoogleCloudJsonContext.Default.CloudRunRunJobRequest,
            GoogleCloudJsonContext.Default.CloudRunOperation,
            new GoogleOperation("run", permission, $"job '{job}'", "roles/run.invoker"),
            retryable: false,
            cancellationToken);
    }
}
