using Polly;
using Polly.Retry;
using Polly.Timeout;
using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Http.Internal;

/// <summary>
/// The resilience pipeline in front of every Google call, in one place: a total timeout, then retries of requests
/// marked <see cref="GoogleRequestOptionKeys.Retryable"/> on Google's transient answers, transport errors and the
/// request's extra statuses (<see cref="GoogleRetryStatuses"/>, such as Pub/Sub's <c>ABORTED</c>) with
/// truncated exponential backoff and jitter, then a per-attempt timeout. Time comes from the pipeline builder's
/// <see cref="TimeProvider"/>, which Polly takes from the service provider.
/// </summary>
internal static class GoogleRetryPipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, GoogleRetryOptions options)
    {
        builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "GoogleTotalTimeout", Timeout = options.TotalTimeout })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "GoogleRetry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = ShouldRetryAsync,
                BackoffType = DelayBackoffType.Constant,
                Delay = options.InitialDelay,
                UseJitter = false,
                DelayGenerator = args => new ValueTask<TimeSpan?>(GetDelay(options, args.AttemptNumber, Random.Shared.NextDouble())),
            })
            .AddTimeout(new TimeoutStrategyOptions { Name = "GoogleAttemptTimeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>Returns <c>min(initial × multiplier^attempt + initial × jitterFraction, max)</c>.</summary>
    /// <param name="options">The timing.</param>
    /// <param name="attempt">The 0-based retry number.</param>
    /// <param name="jitterFraction">A random number in [0, 1).</param>
    /// <returns>The delay before the retry.</returns>
    internal static TimeSpan GetDelay(GoogleRetryOptions options, int attempt, double jitterFraction)
    {
        var initial = options.InitialDelay.TotalMilliseconds;
        var backoff = (initial * Math.Pow(options.Multiplier, attempt)) + (initial * jitterFraction);
        return TimeSpan.FromMilliseconds(Math.Min(backoff, options.MaxDelay.TotalMilliseconds));
    }

    /// <summary>Returns whether an outcome is worth another attempt, ignoring whether the request may be retried.</summary>
    /// <param name="outcome">The attempt's outcome.</param>
    /// <returns><see langword="true"/> for 408, 429, 500, 502, 503, 504, transport errors and attempt timeouts.</returns>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && GoogleRetryRules.IsRetryableStatus(response.StatusCode),
        HttpRequestException => true,
        TimeoutRejectedException => true,
        _ => false,
    };

    private static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        if (request is null || !GoogleRequestOptionKeys.IsRetryable(request))
        {
            return false;
        }

        return IsTransient(args.Outcome)
            || (args.Outcome.Result is { } response
                && await GoogleRetryStatuses.MatchesAsync(request, response, args.Context.CancellationToken).ConfigureAwait(false));
    }
}
