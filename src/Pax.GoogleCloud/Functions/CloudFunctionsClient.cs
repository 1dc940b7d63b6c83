using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Functions;

/// <summary>
/// Lists Cloud Functions of a region through the v2 API (<c>GET v2/projects/P/locations/R/functions</c>, every page;
/// cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions/list: "pageSize: Maximum number of
/// functions to return per call … the service may return fewer"), to map <c>*.cloudfunctions.net</c> URLs to the Cloud
/// Run service that serves them. A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>. The
/// caller needs <c>cloudfunctions.functions.list</c> (<c>roles/cloudfunctions.viewer</c>).
/// </summary>
internal sealed class CloudFunctionsClient
{
    private const int PageSize = 100;
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public CloudFunctionsClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForCloudFunctions(options.Value), listLimits: options.Value.ListLimits);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://cloudfunctions.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Lists every function of a region.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="region">The region, such as <c>us-east1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The functions.</returns>
    /// <exception cref="ArgumentException">The project or region is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Cloud Functions refused the call (403: grant <c>roles/cloudfunctions.viewer</c>).</exception>
    public async Task<IReadOnlyList<CloudFunction>> ListFunctionsAsync(string project, string region, CancellationToken cancellationToken = default)
    {
        var parent = GoogleResourceNames.LocationParent(project, region);
        var operation = new GoogleOperation("cloudfunctions", "cloudfunctions.functions.list", $"'{parent}'", "roles/cloudfunctions.viewer");
        var functions = await _transport.ListAllAsync(
            $"v2/{parent}/functions", PageSize, GoogleCloudJsonContext.Default.CloudFunctionList, page => page.Functions, page => page.NextPageToken, operation, cancellationToken)
            .ConfigureAwait(false);
        return functions.Where(f => f.Name is not null).Select(f => new CloudFunction(
            f.Name!,
            f.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null,
            f.ServiceConfig?.Service is { Length: > 0 } service ? service : null)).ToArray();
    }
}
