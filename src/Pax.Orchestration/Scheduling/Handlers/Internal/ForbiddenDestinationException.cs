namespace Pax.Orchestration.Scheduling.Handlers.Internal;

/// <summary>Thrown when connecting: the host resolved to a link-local or metadata address, so no connection is made.</summary>
internal sealed class ForbiddenDestinationException : IOException
{
    public ForbiddenDestinationException(string host)
        : base($"'{host}' resolves to a link-local or metadata address; http jobs never connect there.")
    {
    }
}
