using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Pax.TestSupport.Monitoring.Internal;

/// <summary>A <c>timeSeries.list</c> request as <see cref="FakeTimeSeries"/> checks and answers it (the rules are on that class).</summary>
internal sealed partial class FakeTimeSeriesQuery
{
    private static readonly string[] DeltaMetrics = [FakeTimeSeries.PushRequests];
    private static readonly string[] GaugeMetrics = [FakeTimeSeries.OldestUnackedAge];

    private string _metric = string.Empty;
    private string? _subscription;
    private DateTimeOffset _start;
    private DateTimeOffset _end;
    private TimeSpan _period;
    private string _aligner = "ALIGN_NONE";
    private string? _reducer;
    private string[] _groupBy = [];

    public static FakeTimeSeriesQuery? Parse(Dictionary<string, StringValues> query, out string? error)
    {
        var parsed = new FakeTimeSeriesQuery();
        error = parsed.ReadFilter(query.GetValueOrDefault("filter").ToString()) ?? parsed.ReadInterval(query) ?? parsed.ReadAggregation(query);
        var view = query.GetValueOrDefault("view").ToString();
        error ??= view is "" or "FULL" ? null : view == "HEADERS" ? "FakeCloudMonitoringServer implements view=FULL only." : $"Invalid value at 'view' (type.googleapis.com/google.monitoring.v3.ListTimeSeriesRequest.TimeSeriesView), \"{view}\"";
        return error is null ? parsed : null;
    }

    public bool Selects(string metric, string subscription) => metric == _metric && (_subscription is null || _subscription == subscription);

    public IReadOnlyList<JsonNode> Aggregate(IReadOnlyList<FakeTimeSeries.StoredPoint> points, string project)
    {
        var delta = DeltaMetrics.Contains(_metric, StringComparer.Ordinal);
        var inInterval = points.Where(p => p.End <= _end && (delta ? p.End > _start : p.End >= _start)).ToArray();

        // Aligned: one value per series per alignment period; the periods end at interval.endTime.
        var aligned = inInterval
            .GroupBy(p => SeriesKey(p.Subscription, p.Labels, all: true))
            .SelectMany(series => series.GroupBy(p => Window(p.End)).Select(w => (Key: series.Key, Window: w.Key, Sample: w.First(), Value: Combine(_aligner, w.Select(p => p.Value)))));

        // Reduced: across series, keeping the groupByFields labels.
        var reduced = _reducer is null
            ? aligned.Select(a => (Key: a.Key, a.Window, a.Sample, a.Value))
            : aligned.GroupBy(a => (Key: SeriesKey(a.Sample.Subscription, a.Sample.Labels, all: false), a.Window))
                .Select(g => (g.Key.Key, g.Key.Window, Sample: g.First().Sample, Value: Combine(_reducer, g.Select(a => a.Value))));
        return [.. reduced.GroupBy(r => r.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Series(g.First().Sample, project, g.OrderByDescending(r => r.Window).Select(r => (r.Window, r.Value)), delta))];
    }

    private string? ReadFilter(string filter)
    {
        if (filter.Length == 0)
        {
            return "Field filter is required.";
        }

        foreach (var clause in AndPattern().Split(filter.Trim()))
        {
            var match = ClausePattern().Match(clause.Trim());
            if (!match.Success)
            {
                return $"FakeCloudMonitoringServer implements filters of 'field = \"value\"' clauses joined by AND; '{clause}' is not one.";
            }

            var (field, value) = (match.Groups[1].Value, match.Groups[2].Value);
            switch (field)
            {
                case "metric.type" when _metric.Length > 0:
                    return "The filter must specify a single metric type.";
                case "metric.type":
                    _metric = value;
                    break;
                case "resource.type" when value == "pubsub_subscription":
                    break;
                case "resource.labels.subscription_id" or "resource.label.subscription_id":
                    _subscription = value;
                    break;
                default:
                    return $"FakeCloudMonitoringServer does not implement the filter clause '{clause.Trim()}'.";
            }
        }

        return _metric.Length == 0 ? "The filter must specify a single metric type (metric.type = \"…\")."
            : !DeltaMetrics.Contains(_metric, StringComparer.Ordinal) && !GaugeMetrics.Contains(_metric, StringComparer.Ordinal) ? $"FakeCloudMonitoringServer has no metric '{_metric}'."
            : null;
    }

    private string? ReadInterval(Dictionary<string, StringValues> query)
    {
        if (!Timestamp(query, "interval.endTime", out _end, out var error))
        {
            return error ?? "Field interval.endTime is required.";
        }

        if (!Timestamp(query, "interval.startTime", out _start, out error))
        {
            _start = _end;
            if (error is not null)
            {
                return error;
            }
        }

        // TimeInterval: "The default value for the start time is the end time. The start time must not be later than the
        // end time." (cloud.google.com/monitoring/api/ref_v3/rest/v3/TimeInterval)
        return _start > _end ? "The start time must not be later than the end time." : null;
    }

    private string? ReadAggregation(Dictionary<string, StringValues> query)
    {
        _aligner = query.GetValueOrDefault("aggregation.perSeriesAligner").ToString() is { Length: > 0 } aligner ? aligner : "ALIGN_NONE";
        _reducer = query.GetValueOrDefault("aggregation.crossSeriesReducer").ToString() is { Length: > 0 } and not "REDUCE_NONE" and var reducer ? reducer : null;
        _groupBy = [.. query.GetValueOrDefault("aggregation.groupByFields").OfType<string>().Select(f => f.Replace(".labels.", ".label.", StringComparison.Ordinal))];
        var period = query.GetValueOrDefault("aggregation.alignmentPeriod").ToString();
        // Aggregation (cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alertPolicies#Aggregation, the same message
        // timeSeries.list takes): groupByFields — "If crossSeriesReducer is not defined, this field is ignored";
        // crossSeriesReducer — "perSeriesAligner must be specified and not equal to ALIGN_NONE and alignmentPeriod must be
        // specified; otherwise, an error is returned"; alignmentPeriod — "The value must be at least 60 seconds. If a
        // per-series aligner other than ALIGN_NONE is specified, this field is required or an error is returned."
        if (_reducer is null)
        {
            _groupBy = [];
        }

        if (_aligner == "ALIGN_NONE")
        {
            return _reducer is not null ? "A cross-series reducer needs a per-series aligner other than ALIGN_NONE and an alignment period." : null;
        }

        if (DurationPattern().Match(period) is not { Success: true } seconds)
        {
            return period.Length == 0 ? "The alignment period is required when a per-series aligner other than ALIGN_NONE is specified." : $"Invalid value at 'aggregation.alignment_period' (type.googleapis.com/google.protobuf.Duration), \"{period}\"";
        }

        _period = TimeSpan.FromSeconds(double.Parse(seconds.Groups[1].Value, CultureInfo.InvariantCulture));
        return _period < TimeSpan.FromSeconds(60) ? "The alignment period must be at least 60 seconds."
            : _aligner is not ("ALIGN_SUM" or "ALIGN_MAX") ? $"FakeCloudMonitoringServer implements ALIGN_SUM and ALIGN_MAX, not {_aligner}."
            : _reducer is not (null or "REDUCE_SUM" or "REDUCE_MAX") ? $"FakeCloudMonitoringServer implements REDUCE_SUM and REDUCE_MAX, not {_reducer}."
            : _groupBy.FirstOrDefault(f => !f.StartsWith("resource.label.", StringComparison.Ordinal) && !f.StartsWith("metric.label.", StringComparison.Ordinal)) is { } bad
                ? $"FakeCloudMonitoringServer groups by resource.label.* and metric.label.* only, not '{bad}'." : null;
    }

    private static bool Timestamp(Dictionary<string, StringValues> query, string name, out DateTimeOffset value, out string? error)
    {
        error = null;
        value = default;
        var text = query.GetValueOrDefault(name).ToString();
        if (text.Length == 0)
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value))
        {
            error = $"Invalid value at '{name}' (type.googleapis.com/google.protobuf.Timestamp), \"{text}\"";
            return false;
        }

        return true;
    }

    private DateTimeOffset Window(DateTimeOffset end)
    {
        var periods = Math.Floor((_end - end).Ticks / (double)_period.Ticks);
        return _end - TimeSpan.FromTicks((long)(periods * _period.Ticks));
    }

    private static long Combine(string how, IEnumerable<long> values) => how is "ALIGN_MAX" or "REDUCE_MAX" ? values.Max() : values.Sum();

    private string SeriesKey(string subscription, IReadOnlyDictionary<string, string> labels, bool all) =>
        string.Join('|', Labels(subscription, labels, all).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private IEnumerable<KeyValuePair<string, string>> Labels(string subscription, IReadOnlyDictionary<string, string> labels, bool all)
    {
        var candidates = labels.Select(p => KeyValuePair.Create("metric.label." + p.Key, p.Value)).Append(KeyValuePair.Create("resource.label.subscription_id", subscription));
        return all ? candidates : candidates.Where(p => _groupBy.Contains(p.Key, StringComparer.Ordinal));
    }

    private JsonObject Series(FakeTimeSeries.StoredPoint sample, string project, IEnumerable<(DateTimeOffset Window, long Value)> points, bool delta)
    {
        var kept = Labels(sample.Subscription, sample.Labels, all: _reducer is null).ToArray();
        var metricLabels = new JsonObject();
        foreach (var label in kept.Where(p => p.Key.StartsWith("metric.label.", StringComparison.Ordinal)))
        {
            metricLabels[label.Key["metric.label.".Length..]] = label.Value;
        }

        var resourceLabels = new JsonObject();
        if (_reducer is null)
        {
            resourceLabels["project_id"] = project;
        }

        foreach (var label in kept.Where(p => p.Key.StartsWith("resource.label.", StringComparison.Ordinal)))
        {
            resourceLabels[label.Key["resource.label.".Length..]] = label.Value;
        }

        return new JsonObject
        {
            ["metric"] = new JsonObject { ["type"] = _metric, ["labels"] = metricLabels },
            ["resource"] = new JsonObject { ["type"] = "pubsub_subscription", ["labels"] = resourceLabels },
            ["metricKind"] = delta ? "DELTA" : "GAUGE",
            ["valueType"] = "INT64",
            ["points"] = new JsonArray([.. points.Select(p => (JsonNode)new JsonObject
            {
                ["interval"] = delta
                    ? new JsonObject { ["startTime"] = FakeTimeSeries.Timestamp(p.Window - _period), ["endTime"] = FakeTimeSeries.Timestamp(p.Window) }
                    : new JsonObject { ["endTime"] = FakeTimeSeries.Timestamp(p.Window) },
                ["value"] = new JsonObject { ["int64Value"] = p.Value.ToString(CultureInfo.InvariantCulture) },
            })]),
        };
    }

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndPattern();

    [GeneratedRegex("^([a-z_.]+)\\s*=\\s*\"([^\"]*)\"$", RegexOptions.CultureInvariant)]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"^(\d+(?:\.\d{1,9})?)s$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
