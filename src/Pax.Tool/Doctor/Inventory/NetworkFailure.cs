using System.Net.Sockets;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>
/// Tells "Google could not be reached" (no DNS, no route, refused, timed out, TLS broken by a proxy) apart from any
/// other failure, by the exception chain .NET's <see cref="HttpClient"/> throws: an <see cref="HttpRequestException"/>
/// with its <see cref="HttpRequestError"/>, a <see cref="SocketException"/>, or a timeout that is not the caller's
/// cancellation. Google.Apis.Auth lets these through from its token requests, as Pax's clients do from theirs.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>What went wrong on the network, in words, or null when <paramref name="exception"/> is not a network failure.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it asked for is not a network failure.</param>
    public static string? Describe(Exception exception, CancellationToken cancellationToken)
    {
        foreach (var ex in Chain(exception))
        {
            switch (ex)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } http:
                    return $"the name could not be resolved: no DNS, or no network ({http.Message})";
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http:
                    return $"no connection could be made ({http.Message})";
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } http:
                    return $"the TLS connection failed, as when a proxy or firewall intercepts it ({http.Message})";
                case HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError } http:
                    return $"the proxy refused the connection ({http.Message})";
                case SocketException socket:
                    return $"no connection could be made ({socket.SocketErrorCode}: {socket.Message})";
                case TimeoutException timeout:
                    return $"no answer in time ({timeout.Message})";
                case TaskCanceledException canceled when !cancellationToken.IsCancellationRequested:
                    return $"no answer in time ({canceled.Message})";   // HttpClient.Timeout: the message names it
            }
        }

        return null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var ex))
        {
            yield return ex;
            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (ex.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
