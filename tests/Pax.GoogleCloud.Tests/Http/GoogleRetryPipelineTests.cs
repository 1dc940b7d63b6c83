using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Http.Internal;
using Pax.TestSupport.Gcs;
using Polly;
using Polly.Timeout;

using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.Http;

public sealed class GoogleRetryPipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 0.0, 1000)]
    [InlineData(0, 0.5, 1500)]
    [InlineData(1, 0.0, 2000)]
    [InlineData(3, 0.25, 8250)]
    [InlineData(4, 0.999, 16999)]
    [InlineData(5, 0.0, 32000)]
    [InlineData(9, 0.9, 32000)]
    public void Delay_is_truncated_exponential_backoff_with_jitter(int attempt, double jitter, double expectedMs)
    {
        var delay = GoogleRetryPipeline.GetDelay(new GoogleRetryOptions(), attempt, jitter);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void Delay_follows_the_configured_multiplier_and_cap()
    {
        var options = new GoogleRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), Multiplier = 3, MaxDelay = TimeSpan.FromMilliseconds(100) };

        Assert.Equal(TimeSpan.FromMilliseconds(90), GoogleRetryPipeline.GetDelay(options, 2, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), GoogleRetryPipeline.GetDelay(options, 3, 0));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(412, false)]
    [InlineData(501, false)]
    [InlineData(200, false)]
    public void Only_google_transient_statuses_are_retried(int status, bool transient)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(transient, GoogleRetryPipeline.IsTransient(Outcome.FromResult(response)));
    }

    [Fact]
    public void Transport_errors_and_attempt_timeouts_are_transient_but_cancellation_is_not()
    {
        Assert.True(GoogleRetryPipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
        Assert.True(GoogleRetryPipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
        Assert.False(GoogleRetryPipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException())));
        Assert.False(GoogleRetryPipeline.IsTransient(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException())));
    }

    [Fact]
    public async Task Retry_delays_run_on_the_registered_TimeProvider()
    {
        var time = new TimerRecordingTimeProvider();
        await using var context = await GoogleApiProbeContext.StartAsync(
            options =>
            {
                options.Retry.InitialDelay = TimeSpan.FromHours(1);
                options.Retry.MaxDelay = TimeSpan.FromHours(3);
                options.Retry.AttemptTimeout = TimeSpan.FromDays(1);
                options.Retry.TotalTimeout = TimeSpan.FromDays(1);
            },
            serverOptions: new FakeGcsServerOptions { TimeProvider = time },
            services: services => services.AddSingleton<TimeProvider>(time));
        context.Server.PutObject(GoogleApiProbeContext.Bucket, "a.jpg", [1]);
        context.Server.EnqueueFault(r => r.IsGetMetadata, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));
        // If the delay ran on the system clock, no such timer would appear: fail after a while instead of hanging.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var backoff = time.WaitForTimerAsync(due => due >= TimeSpan.FromHours(1) && due < TimeSpan.FromHours(2), deadline.Token);

        var get = context.GetObjectMetadataAsync("a.jpg", Ct);
        var delay = await backoff;
        Assert.False(get.IsCompleted);
        Assert.Single(context.Server.Requests);
        time.Clock.Advance(delay);

        using var response = await get;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = context.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(delay, requests[1].ReceivedAt - requests[0].ReceivedAt);
    }
}
