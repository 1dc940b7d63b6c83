using System.Net;

namespace Pax.Orchestration.Scheduling.Handlers.Internal;

/// <summary>Resolves host names for the <c>http</c> job client's connections (DNS; tests replace it to point names at chosen addresses).</summary>
internal class HttpJobHostResolver
{
    /// <summary>Returns the addresses of <paramref name="host"/>.</summary>
    public virtual async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
}
