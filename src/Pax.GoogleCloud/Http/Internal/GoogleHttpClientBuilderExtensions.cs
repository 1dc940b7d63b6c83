using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Http.Internal;

/// <summary>Puts the handlers every Google API client shares in front of a typed client.</summary>
internal static class GoogleHttpClientBuilderExtensions
{
    /// <summary>
    /// Resilience (outermost: total timeout, retries, attempt timeout), then the bearer token, then response
    /// buffering. Resilience handlers added to all clients (<c>ConfigureHttpClientDefaults</c>) are removed first:
    /// a generic retry would resend mutations that are not safe to repeat.
    /// </summary>
    public static IHttpClientBuilder AddGoogleApiHandlers(this IHttpClientBuilder builder)
    {
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        // Experimental in Microsoft.Extensions.Http.Resilience 10.x, and the only way to drop a standard handler that
        // ConfigureHttpClientDefaults (Aspire's service defaults, for one) adds to every client; without it an insert
        // that is not idempotent would be retried by that handler.
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.AddResilienceHandler("Google", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value;
            GoogleRetryPipeline.Configure(pipeline, options.Retry);
        });
        builder.AddHttpMessageHandler<GoogleAuthorizationHandler>();
        builder.AddHttpMessageHandler<ResponseBufferingHandler>();
        return builder;
    }
}
