namespace Pax.GoogleCloud.Http.Internal;

/// <summary>
/// Reads each response body to the end inside the retry handler, so a body cut short by the network surfaces as an
/// <see cref="HttpRequestException"/> there and is retried like any transport error. Pax's Google payloads are small
/// (object metadata, snapshots of tens of kilobytes).
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await response.Content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
