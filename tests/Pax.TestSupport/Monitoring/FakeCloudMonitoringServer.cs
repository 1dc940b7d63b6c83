using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;
using Pax.TestSupport.Monitoring.Internal;

namespace Pax.TestSupport.Monitoring;

/// <summary>
/// A loopback Cloud Monitoring v3 server (Kestrel on 127.0.0.1, a free port) for <c>projects.timeSeries.list</c> over the
/// Pub/Sub subscription metrics <c>push_request_count</c> and <c>oldest_unacked_message_age</c>, as strict as
/// cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list (the rules: <c>FakeTimeSeries</c>). Without
/// <c>monitoring.timeSeries.list</c> (<see cref="Deny"/>) it answers 403 <c>PERMISSION_DENIED</c>; <see cref="NeverAnswer"/>
/// and <see cref="FailWith"/> make it a hostile API.
/// </summary>
public sealed class FakeCloudMonitoringServer : IAsyncDisposable
{
    private readonly RestLoopbackHost _host;
    private readonly FakeTimeSeries _series;

    private FakeCloudMonitoringServer(RestLoopbackHost host, FakeTimeSeries series)
    {
        _host = host;
        _series = series;
    }

    /// <summary>Gets the server's root: the Monitoring endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Starts a server without data.</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeCloudMonitoringServer> StartAsync(string? accessToken = null, CancellationToken cancellationToken = default)
    {
        var series = new FakeTimeSeries();
        var host = await RestLoopbackHost.StartAsync(accessToken, series.Handle, cancellationToken);
        return new FakeCloudMonitoringServer(host, series);
    }

    /// <summary>Records <paramref name="count"/> push attempts of a subscription that ended in <paramref name="responseCode"/> (<c>success</c>, <c>permission_denied</c>, …) in the minute ending at <paramref name="at"/>.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="subscription">The subscription id.</param>
    /// <param name="responseCode">The <c>response_code</c> label.</param>
    /// <param name="count">How many.</param>
    /// <param name="at">The end of the minute.</param>
    public void AddPushRequests(string project, string subscription, string responseCode, long count, DateTimeOffset at) =>
        _series.Add(FakeTimeSeries.PushRequests, project, subscription, new Dictionary<string, string>
        {
            ["response_code"] = responseCode,
            ["response_class"] = responseCode == "success" ? "ack" : "remote_server_4xx",
        }, at, count);

    /// <summary>Records the age of a subscription's oldest unacknowledged message, sampled at <paramref name="at"/>.</summary>
    /// <param name="project">The project id.</param>
    /// <param name="subscription">The subscription id.</param>
    /// <param name="age">The age.</param>
    /// <param name="at">When it was sampled.</param>
    public void AddOldestUnackedAge(string project, string subscription, TimeSpan age, DateTimeOffset at) =>
        _series.Add(FakeTimeSeries.OldestUnackedAge, project, subscription, new Dictionary<string, string>(), at, (long)age.TotalSeconds);

    /// <summary>
    /// Records a raw <c>int64Value</c> for the age of a subscription's oldest unacknowledged message, in seconds — any
    /// value, such as one no real subscription has (<see cref="long.MaxValue"/>, a negative one): a hostile answer.
    /// </summary>
    /// <param name="project">The project id.</param>
    /// <param name="subscription">The subscription id.</param>
    /// <param name="seconds">The value.</param>
    /// <param name="at">When it was sampled.</param>
    public void AddOldestUnackedAgeSeconds(string project, string subscription, long seconds, DateTimeOffset at) =>
        _series.Add(FakeTimeSeries.OldestUnackedAge, project, subscription, new Dictionary<string, string>(), at, seconds);

    /// <summary>Answers every later request with 403 <c>PERMISSION_DENIED</c> for <c>monitoring.timeSeries.list</c> (a caller without <c>roles/monitoring.viewer</c>).</summary>
    /// <param name="project">The project named in the answer.</param>
    public void Deny(string project) => _host.Refuse(_ => true, RestResponse.PermissionDenied("monitoring.timeSeries.list", $"projects/{project}"));

    /// <summary>Answers every later request with <paramref name="code"/> and the google.rpc <paramref name="status"/> (such as 500 <c>INTERNAL</c>).</summary>
    /// <param name="code">The HTTP status.</param>
    /// <param name="status">The status name.</param>
    /// <returns>A task that completes when the first request was answered so.</returns>
    public Task FailWith(int code, string status)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = RestResponse.Error(code, status, "Internal error encountered.");
        _host.Override(_ =>
        {
            answered.TrySetResult();
            return answer;
        });
        return answered.Task;
    }

    /// <summary>Never answers a later request: each is held until the caller gives up. The task completes when the first one arrived.</summary>
    /// <returns>A task that completes when a request is held.</returns>
    public Task NeverAnswer() => _host.HoldUntilAborted(_ => true);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
