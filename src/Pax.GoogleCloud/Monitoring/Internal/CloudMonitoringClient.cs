using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>
/// Reads time series through Cloud Monitoring v3 (<c>GET v3/projects/P/timeSeries?filter&amp;interval.startTime&amp;interval.endTime&amp;aggregation.*&amp;view=FULL</c>,
/// every page; cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list), for <c>pax doctor</c>'s evidence
/// (internal). Needs <c>monitoring.timeSeries.list</c> (<c>roles/monitoring.viewer</c>). The endpoint follows
/// <c>CLOUDSDK_API_ENDPOINT_OVERRIDES_MONITORING</c> like every other API.
/// </summary>
internal sealed class CloudMonitoringClient
{
    // "pageSize: … If pageSize is empty or more than 100,000 results, the effective pageSize is 100,000 results"; with
    // view FULL it counts points.
    private const int PageSize = 10_000;
    private readonly GoogleRestTransport _transport;

    public CloudMonitoringClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _transport = new GoogleRestTransport(httpClient, GoogleServiceEndpoint.ForMonitoring(options.Value), listLimits: options.Value.ListLimits);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://monitoring.googleapis.com/</c>.</summary>
    public Uri Endpoint => _transport.Endpoint.BaseAddress;

    /// <summary>Lists the time series a query selects, aligned (and reduced) as it asks.</summary>
    /// <exception cref="ArgumentException">The query is not valid; nothing was sent.</exception>
    /// <exception cref="GoogleApiException">Monitoring refused the call (403: grant roles/monitoring.viewer).</exception>
    public async Task<IReadOnlyList<MonitoringTimeSeries>> ListTimeSeriesAsync(MonitoringQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!GoogleResourceNames.IsProject(query.Project))
        {
            throw new ArgumentException($"'{query.Project}' is not a project id.", nameof(query));
        }

        if (query.AlignmentPeriod < TimeSpan.FromSeconds(60) || query.End <= query.Start)
        {
            throw new ArgumentException("The alignment period must be at least 60 seconds and the interval must end after it starts.", nameof(query));
        }

        var operation = new GoogleOperation("monitoring", "monitoring.timeSeries.list", $"project '{query.Project}'", "roles/monitoring.viewer");
        var series = await _transport.ListAllAsync(
            $"v3/projects/{query.Project}/timeSeries?{Query(query)}", PageSize, GoogleCloudJsonContext.Default.MonitoringTimeSeriesList,
            page => page.TimeSeries, page => page.NextPageToken, operation, cancellationToken).ConfigureAwait(false);
        return series.Select(ToSeries).ToArray();
    }

    private static string Query(MonitoringQuery query)
    {
        var text = new StringBuilder()
            .Append("filter=").Append(Uri.EscapeDataString(query.Filter))
            .Append("&interval.startTime=").Append(Uri.EscapeDataString(Timestamp(query.Start)))
            .Append("&interval.endTime=").Append(Uri.EscapeDataString(Timestamp(query.End)))
            .Append("&aggregation.alignmentPeriod=").Append(GoogleDuration.Format(query.AlignmentPeriod))
            .Append("&aggregation.perSeriesAligner=").Append(query.PerSeriesAligner);
        if (query.CrossSeriesReducer is { } reducer)
        {
            text.Append("&aggregation.crossSeriesReducer=").Append(reducer);
        }

        foreach (var field in query.GroupByFields)
        {
            text.Append("&aggregation.groupByFields=").Append(Uri.EscapeDataString(field));
        }

        return text.Append("&view=FULL").ToString();
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // A DOUBLE past the range of an INT64 is held at its end (a plain cast of one is undefined).
    private static long Rounded(double value) =>
        value >= 9.2e18 ? long.MaxValue : value <= -9.2e18 ? long.MinValue : (long)Math.Round(value);

    private static MonitoringTimeSeries ToSeries(MonitoringTimeSeriesResource resource)
    {
        var points = new List<MonitoringPoint>();
        foreach (var point in resource.Points ?? [])
        {
            var value = point.Value?.Int64Value is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : point.Value?.DoubleValue is { } d && double.IsFinite(d) ? Rounded(d) : (long?)null;
            if (value is { } v && point.Interval?.EndTime is { } end)
            {
                points.Add(new MonitoringPoint(end, v));
            }
        }

        return new MonitoringTimeSeries(
            resource.Metric?.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal),
            resource.Resource?.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal),
            points.OrderByDescending(p => p.End).ToArray());
    }
}
