using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Run.Internal;

namespace Pax.GoogleCloud.Run;

/// <summary>
/// Lists Cloud Run services and jobs of a region through the Admin API v2 (<c>GET v2/projects/P/locations/R/services</c>
/// and <c>…/jobs</c>, every page). A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>. The
/// caller needs <c>run.services.list</c> and <c>run.jobs.list</c> (<c>roles/run.viewer</c>).
/// </summary>
internal sealed class CloudRunResourcesClient
{
    // "pageSize: Maximum number of Services to return in this call" (no documented maximum); 100 keeps pages small.
    private const int PageSize = 100;
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public CloudRunResourcesClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForCloudRun(options.Value), listLimits: options.Value.ListLimits);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://run.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Lists the services of a region (cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/list).</summary>
    /// <param name="project">The project id.</param>
    /// <param name="region">The region, such as <c>us-east1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every service of the region.</returns>
    /// <exception cref="GoogleApiException">Cloud Run refused the call (403: grant <c>roles/run.viewer</c>; 404: no such location).</exception>
    public async Task<IReadOnlyList<CloudRunService>> ListServicesAsync(string project, string region, CancellationToken cancellationToken = default)
    {
        var parent = GoogleResourceNames.LocationParent(project, region);
        var operation = new GoogleOperation("run", "run.services.list", $"'{parent}'", "roles/run.viewer");
        var services = await _transport.ListAllAsync(
            $"v2/{parent}/services", PageSize, GoogleCloudJsonContext.Default.CloudRunServiceList, page => page.Services, page => page.NextPageToken, operation, cancellationToken)
            .ConfigureAwait(false);
        return services.Where(s => s.Name is not null).Select(ToService).ToArray();
    }

    /// <summary>Lists the job names of a region (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/list).</summary>
    /// <param name="project">The project id.</param>
    /// <param name="region">The region, such as <c>us-east1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every job's name: <c>projects/P/locations/R/jobs/J</c>.</returns>
    /// <exception cref="GoogleApiException">Cloud Run refused the call (403: grant <c>roles/run.viewer</c>; 404: no such location).</exception>
    public async Task<IReadOnlyList<string>> ListJobsAsync(string project, string region, CancellationToken cancellationToken = default)
    {
        var parent = GoogleResourceNames.LocationParent(project, region);
        var operation = new GoogleOperation("run", "run.jobs.list", $"'{parent}'", "roles/run.viewer");
        var jobs = await _transport.ListAllAsync(
            $"v2/{parent}/jobs", PageSize, GoogleCloudJsonContext.Default.CloudRunJobList, page => page.Jobs, page => page.NextPageToken, operation, cancellationToken)
            .ConfigureAwait(false);
        return jobs.Select(j => j.Name).OfType<string>().ToArray();
    }


    private static CloudRunService ToService(CloudRunServiceResource resource)
    {
        var urls = new List<Uri>();
        foreach (var text in new[] { resource.Uri }.Concat(resource.Urls ?? []))
        {
            if (text is not null && Uri.TryCreate(text, UriKind.Absolute, out var url) && !urls.Contains(url))
            {
                urls.Add(url);
            }
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in resource.Template?.Containers?.SelectMany(c => c.Env ?? []) ?? [])
        {
            environment.TryAdd(variable.Name, variable.Value);
        }

        return new CloudRunService(resource.Name!, urls, resource.InvokerIamDisabled == true)
        {
            CustomAudiences = resource.CustomAudiences?.Where(a => a.Length > 0).ToArray() ?? [],
            RequestTimeout = GoogleDuration.Parse(resource.Template?.Timeout),
            Environment = environment,
        };
    }
}
