using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Eventarc.Internal;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Eventarc;

/// <summary>
/// Lists Eventarc triggers of a region over REST (<c>GET v1/projects/P/locations/R/triggers</c>, every page;
/// cloud.google.com/eventarc/docs/reference/rest/v1/projects.locations.triggers/list: "pageSize: The maximum number of
/// triggers to return on each page. Note: The service may send fewer."). A typed client: resolve it from DI after
/// <c>services.AddPaxGoogleCloud()</c>. The caller needs <c>eventarc.triggers.list</c> (<c>roles/eventarc.viewer</c>).
/// </summary>
internal sealed class EventarcTriggersClient
{
    private const int PageSize = 100;
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public EventarcTriggersClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForEventarc(options.Value), listLimits: options.Value.ListLimits);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://eventarc.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Lists every trigger of a region.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="region">The region, such as <c>us-east1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The triggers.</returns>
    /// <exception cref="ArgumentException">The project or region is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Eventarc refused the call (403: grant <c>roles/eventarc.viewer</c>).</exception>
    public async Task<IReadOnlyList<EventarcTrigger>> ListTriggersAsync(string project, string region, CancellationToken cancellationToken = default)
    {
        var parent = GoogleResourceNames.LocationParent(project, region);
        var operation = new GoogleOperation("eventarc", "eventarc.triggers.list", $"'{parent}'", "roles/eventarc.viewer");
        var triggers = await _transport.ListAllAsync(
            $"v1/{parent}/triggers", PageSize, GoogleCloudJsonContext.Default.EventarcTriggerList, page => page.Triggers, page => page.NextPageToken, operation, cancellationToken)
            .ConfigureAwait(false);
        return triggers.Where(t => t.Name is not null).Select(t => ToTrigger(t, project)).ToArray();
    }

    private static EventarcTrigger ToTrigger(EventarcTriggerResource t, string project)
    {
        // destination.cloudRun.service is the service id; "Only services located in the same project of the trigger object can be addressed".
        var run = t.Destination?.CloudRun;
        var service = run?.Service is { Length: > 0 } id && run.Region is { Length: > 0 } region ? $"projects/{project}/locations/{region}/services/{id}" : null;
        return new EventarcTrigger(
            t.Name!,
            t.ServiceAccount is { Length: > 0 } account ? account : null,
            service,
            t.Transport?.Pubsub?.Subscription is { Length: > 0 } subscription ? subscription : null);
    }
}
