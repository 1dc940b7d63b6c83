using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// GETs a URL and reads its body within a size limit, through one Polly pipeline: an outer retry (jittered
/// exponential backoff, transient failures only) around a per-attempt timeout that covers the request AND the body
/// read, so a truncated or trickling body is retried like a failed request. The caller's cancellation is never
/// turned into a timeout: it surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class NyctmcDownloader
{
    private static readonly ResiliencePropertyKey<string> SubjectKey = new("pax.collection.nyctmc.subject");
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly NyctmcOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public NyctmcDownloader(HttpClient http, NyctmcOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _pipeline = BuildPipeline(options, timeProvider, logger);
    }

    /// <summary>Downloads a body, retrying transient failures.</summary>
    /// <param name="createUri">Creates the URL of each attempt (so a cache-busting query can be fresh).</param>
    /// <param name="accept">The <c>Accept</c> header value.</param>
    /// <param name="maxBytes">The largest body accepted.</param>
    /// <param name="subject">What is downloaded, for logs ("camera list", a camera id).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The body.</returns>
    /// <exception cref="DownloadFailedException">Every allowed attempt failed; carries the last failure and the attempt count.</exception>
    public async Task<DownloadedBody> DownloadAsync(Func<Uri> createUri, string accept, int maxBytes, string subject, CancellationToken cancellationToken)
    {
        var attempt = new AttemptRunner(this, createUri, accept, maxBytes);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SubjectKey, subject);
        try
        {
            var body = await _pipeline.ExecuteAsync(
                static (ctx, runner) => runner.RunAsync(ctx.CancellationToken),
                context,
                attempt).ConfigureAwait(false);
            return body with { Attempts = attempt.Count };
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadFailedException(CameraFetchFailure.Timeout, DescribeTimeout(_options.RequestTimeout), isTransient: true, innerException: ex)
            {
                Attempts = attempt.Count,
            };
        }
        catch (TimeoutRejectedException) when (cancellationToken.IsCancellationRequested)
        {
            // The attempt timed out as the caller cancelled: the caller's cancellation wins.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (DownloadFailedException ex)
        {
            ex.Attempts = attempt.Count;
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline BuildPipeline(NyctmcOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "Pax.Collection.Nyctmc" };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    var subject = args.Context.Properties.GetValue(SubjectKey, "request");
                    CameraLog.Retrying(logger, subject, DescribeFailure(args.Outcome.Exception, options), args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    private static bool IsTransient(Exception? exception) => exception switch
    {
        TimeoutRejectedException => true,
        DownloadFailedException failed => failed.IsTransient,
        _ => false,
    };

    private static string DescribeFailure(Exception? exception, NyctmcOptions options) => exception switch
    {
        TimeoutRejectedException => DescribeTimeout(options.RequestTimeout),
        DownloadFailedException failed => failed.Reason,
        null => "no exception",
        _ => exception.Message,
    };

    private static string DescribeTimeout(TimeSpan timeout) =>
        string.Format(CultureInfo.InvariantCulture, "no complete answer within {0:N0} ms", timeout.TotalMilliseconds);

    private static bool IsTransientStatus(HttpStatusCode status) => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private async ValueTask<DownloadedBody> SendOnceAsync(Uri uri, string accept, int maxBytes, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        request.Headers.Accept.ParseAdd(accept);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadFailedException(CameraFetchFailure.Transport, $"the request failed: {ex.Message}", isTransient: true, innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout fired (the pipeline's own timeout cancels the token instead).
            throw new DownloadFailedException(CameraFetchFailure.Timeout, $"the HTTP client timed out ({ex.Message})", isTransient: true, innerException: ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = response.StatusCode;
                throw new DownloadFailedException(
                    CameraFetchFailure.HttpStatus,
                    string.Format(CultureInfo.InvariantCulture, "HTTP {0} ({1})", (int)status, response.ReasonPhrase ?? status.ToString()),
                    IsTransientStatus(status),
                    status);
            }

            var contentLength = response.Content.Headers.ContentLength;
            BoundedBodyReader.ThrowIfAnnouncedTooLarge(contentLength, maxBytes);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var content = await BoundedBodyReader.ReadAsync(stream, contentLength, maxBytes, cancellationToken).ConfigureAwait(false);
                return new DownloadedBody(content, response.Content.Headers.ContentType?.MediaType, Attempts: 1);
            }
        }
    }

    /// <summary>The state of one download: counts the attempts the pipeline makes.</summary>
    private sealed class AttemptRunner(NyctmcDownloader owner, Func<Uri> createUri, string accept, int maxBytes)
    {
        public int Count { get; private set; }

        public ValueTask<DownloadedBody> RunAsync(CancellationToken cancellationToken)
        {
            Count++;
            return owner.SendOnceAsync(createUri(), accept, maxBytes, cancellationToken);
        }
    }
}
