using System.Net;
using Pax.GoogleCloud;
using Polly;
using Polly.Retry;

namespace Pax.Collection.Sinks.Internal;

/// <summary>
/// The retries around the Cloud Storage calls of <see cref="GcsSnapshotSink"/>, set explicitly rather than left to the
/// client's defaults. Google.Cloud.Storage.V1 5.0.0 has no retry options for uploads: <c>UploadObjectOptions</c> has
/// none, its builder turns the HTTP back-off off (<c>DefaultExponentialBackOffPolicy = None</c>,
/// google-cloud-dotnet <c>StorageClientBuilder.cs</c>), and Google.Apis' <c>ResumableUpload</c> only resumes a session
/// after a 5xx on a <c>PUT</c> to it (<c>ResumableUpload.ServerErrorCallback</c>) — a 408 or 429, or any failure of the
/// initiation, ends the upload. So each whole upload (or read) is retried here on what Google's client retries for
/// idempotent calls, <c>RetryPredicate.RetriableIdempotentErrors</c> = 408, 429, 500, 502, 503, 504
/// (google-cloud-dotnet <c>RetryPredicate.cs</c>; cloud.google.com/storage/docs/retry-strategy), and on transport
/// errors, with truncated exponential back-off and jitter timed by <see cref="GoogleRetryOptions"/> (defaults 1 s,
/// ×2, at most 32 s: <c>RetryTiming.cs</c>). Only calls that are idempotent are given this pipeline: reads, and
/// uploads under a generation precondition (<c>ifGenerationMatch</c>), which cloud.google.com/storage/docs/retry-strategy
/// calls conditionally idempotent.
/// </summary>
internal static class GcsRetryPipeline
{
    public static ResiliencePipeline Create(GoogleRetryOptions timing, TimeProvider timeProvider, bool retryPreconditionFailures = false) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                Name = "GcsSnapshotSinkRetry",
                MaxRetryAttempts = timing.MaxRetryAttempts,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception, retryPreconditionFailures)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(GetDelay(timing, args.AttemptNumber, Random.Shared.NextDouble())),
            })
            .Build();

    /// <summary>Returns whether a failure is worth another attempt of an idempotent call.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="retryPreconditionFailures">Whether 412 counts too (a replace that re-reads the generation each attempt).</param>
    /// <returns><see langword="true"/> for 408, 429, 500, 502, 503, 504 and transport errors.</returns>
    public static bool IsTransient(Exception? exception, bool retryPreconditionFailures = false) => exception switch
    {
        Google.GoogleApiException google => IsRetryableStatus(google.HttpStatusCode)
            || (retryPreconditionFailures && google.HttpStatusCode == HttpStatusCode.PreconditionFailed),
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// Returns whether Cloud Storage's answer is worth another attempt: 408, 429, 500, 502, 503, 504
    /// (cloud.google.com/storage/docs/retry-strategy, "Retryable errors"; Google.Cloud.Storage.V1's
    /// <c>RetryPredicate.RetriableIdempotentErrors</c>).
    /// </summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Returns <c>min(initial × multiplier^attempt + initial × jitterFraction, max)</c>.</summary>
    public static TimeSpan GetDelay(GoogleRetryOptions timing, int attempt, double jitterFraction)
    {
        var initial = timing.InitialDelay.TotalMilliseconds;
        var backoff = (initial * Math.Pow(timing.Multiplier, attempt)) + (initial * jitterFraction);
        return TimeSpan.FromMilliseconds(Math.Min(backoff, timing.MaxDelay.TotalMilliseconds));
    }
}
