using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pax.Orchestration.Scheduling.Handlers.Internal;

/// <summary>
/// The primary handler of the <c>http</c> job client: no automatic redirects (the job handler follows same-origin ones
/// itself), no proxy (the connection must go where it was checked), and a connect step that resolves the host and
/// refuses any link-local or metadata address, so a DNS name that points there is refused as well.
/// </summary>
internal sealed class HttpJobConnector(HttpJobHostResolver resolver)
{
    /// <summary>Registers the named client <see cref="HttpJobHandler.HttpClientName"/> with this handler.</summary>
    public static void AddHttpJobClient(IServiceCollection services)
    {
        services.TryAddSingleton<HttpJobHostResolver>();
        services.AddHttpClient(HttpJobHandler.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new HttpJobConnector(provider.GetRequiredService<HttpJobHostResolver>()).CreateHandler());
    }

    /// <summary>Creates the primary handler.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = ConnectAsync,
    };

    /// <summary>Resolves, checks every address, then connects to the checked addresses only (no second lookup to race with).</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (addresses.Any(HttpJobDestinations.IsForbiddenAddress))
        {
            throw new ForbiddenDestinationException(host);
        }

        var socket = Socket.OSSupportsIPv6
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
