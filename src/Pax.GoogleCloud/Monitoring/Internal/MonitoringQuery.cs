namespace Pax.GoogleCloud.Monitoring.Internal;

/// <summary>
/// One <c>projects.timeSeries.list</c> read, aligned and reduced by Cloud Monitoring
/// (cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list).
/// </summary>
/// <param name="Project">The project whose time series are read.</param>
/// <param name="Filter">A monitoring filter naming exactly one <c>metric.type</c>, such as <c>metric.type = "pubsub.googleapis.com/subscription/push_request_count" AND resource.labels.subscription_id = "s"</c>.</param>
/// <param name="Start">The start of the interval (exclusive for DELTA metrics).</param>
/// <param name="End">The end of the interval.</param>
/// <param name="AlignmentPeriod">The alignment period (at least 60 seconds).</param>
/// <param name="PerSeriesAligner">The aligner, such as <c>ALIGN_SUM</c> or <c>ALIGN_MAX</c>.</param>
/// <param name="CrossSeriesReducer">The reducer, such as <c>REDUCE_SUM</c>, or <see langword="null"/> for none.</param>
/// <param name="GroupByFields">The labels the reducer keeps, such as <c>metric.label.response_code</c>.</param>
internal sealed record MonitoringQuery(
    string Project, string Filter, DateTimeOffset Start, DateTimeOffset End, TimeSpan AlignmentPeriod, string PerSeriesAligner, string? CrossSeriesReducer, IReadOnlyList<string> GroupByFields);
