namespace Pax.Collection.Sinks;

/// <summary>Why a sink could not do what it was asked (see <see cref="SnapshotSinkException.Failure"/>).</summary>
public enum SnapshotSinkFailure
{
    /// <summary>The sink refused the credentials or the permission (Cloud Storage HTTP 401/403; a folder the process may not write). Every other call would fail the same way.</summary>
    AccessRefused,

    /// <summary>The sink kept failing with errors worth retrying (Cloud Storage 408, 429, 5xx, transport errors) until the retries ran out.</summary>
    Unavailable,

    /// <summary>The sink refused this one request (such as Cloud Storage's HTTP 400 when the CRC32C of the bytes it received does not match); nothing was stored.</summary>
    Rejected,
}
