using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.Monitoring.Internal;

/// <summary>
/// The points a <see cref="FakeCloudMonitoringServer"/> holds and its route <c>GET v3/projects/P/timeSeries</c>
/// (cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list), for the Pub/Sub subscription metrics
/// (cloud.google.com/monitoring/api/metrics_gcp, pubsub): <c>subscription/push_request_count</c> (DELTA, INT64, labels
/// <c>response_class</c>, <c>response_code</c>) and <c>subscription/oldest_unacked_message_age</c> (GAUGE, INT64 seconds),
/// on the monitored resource <c>pubsub_subscription</c> (labels <c>project_id</c>, <c>subscription_id</c>). As strict as
/// the reference: <c>filter</c> must name exactly one <c>metric.type</c> ("The filter must specify a single metric type");
/// <c>interval.endTime</c> is required and the start may not be later; an aligner other than <c>ALIGN_NONE</c> needs an
/// <c>aggregation.alignmentPeriod</c> of at least 60 s; a reducer needs an aligner; <c>groupByFields</c> without a
/// reducer are ignored; unknown parameters are refused (400 <c>INVALID_ARGUMENT</c>). Alignment
/// periods end at <c>interval.endTime</c>; points come back most recent first ("The points in each time series are
/// currently returned in reverse time order"); <c>int64Value</c> is a JSON string. Filters, aligners and reducers the fake
/// does not implement are refused with a message saying so, never answered loosely.
/// </summary>
internal sealed partial class FakeTimeSeries
{
    public const string PushRequests = "pubsub.googleapis.com/subscription/push_request_count";
    public const string OldestUnackedAge = "pubsub.googleapis.com/subscription/oldest_unacked_message_age";

    private static readonly string[] Parameters =
    [
        "filter", "interval.startTime", "interval.endTime", "aggregation.alignmentPeriod", "aggregation.perSeriesAligner",
        "aggregation.crossSeriesReducer", "aggregation.groupByFields", "orderBy", "view", "pageSize", "pageToken",
    ];

    private readonly Lock _gate = new();
    private readonly List<StoredPoint> _points = [];

    public int MaxPageSize { get; set; } = 1000;

    public void Add(string metric, string project, string subscription, IReadOnlyDictionary<string, string> labels, DateTimeOffset end, long value)
    {
        lock (_gate)
        {
            _points.Add(new StoredPoint(metric, project, subscription, labels, end, value));
        }
    }

    public RestResponse Handle(RecordedRestRequest request)
    {
        if (ListPath().Match(request.Path) is not { Success: true } match || request.Method != "GET")
        {
            return RestResponse.NoSuchRoute(request.Method, request.Path);
        }

        var query = QueryHelpers.ParseQuery(request.RawTarget.Contains('?', StringComparison.Ordinal) ? request.RawTarget[request.RawTarget.IndexOf('?', StringComparison.Ordinal)..] : string.Empty);
        var error = request.Body.Length > 0 ? "The request body of a list method must be empty." : null;
        error ??= query.Keys.FirstOrDefault(k => !Parameters.Contains(k, StringComparer.Ordinal)) is { } unknown
            ? $"Invalid JSON payload received. Unknown name \"{unknown}\": Cannot bind query parameter." : null;
        var parsed = error is null ? FakeTimeSeriesQuery.Parse(query, out error) : null;
        if (error is not null)
        {
            return RestResponse.InvalidArgument(error);
        }

        List<StoredPoint> points;
        lock (_gate)
        {
            points = [.. _points.Where(p => p.Project == match.Groups[1].Value && parsed!.Selects(p.Metric, p.Subscription))];
        }

        var series = parsed!.Aggregate(points, match.Groups[1].Value);
        return FakePages.Answer(request, $"projects/{match.Groups[1].Value}/timeSeries?{query["filter"]}", "timeSeries", series, MaxPageSize, [.. Parameters.Except(["pageSize", "pageToken"])]);
    }

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^/v3/projects/([^/]+)/timeSeries$", RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();

    internal sealed record StoredPoint(string Metric, string Project, string Subscription, IReadOnlyDictionary<string, string> Labels, DateTimeOffset End, long Value);
}
