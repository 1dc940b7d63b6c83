namespace Pax.Orchestration.Hosting;

/// <summary>
/// The caller's ID token could not be checked now (<see cref="InboundAuthenticationMode.VerifySignature"/>: Google's
/// signing certificates could not be fetched, or an <see cref="IInboundTokenValidator"/> threw). Not the caller's fault:
/// Pax's endpoints answer 503 and say so (log event 4041 <c>TokenCheckUnavailable</c>), so the caller retries.
/// <see cref="InboundAuthenticator.AuthenticateAsync"/> throws it.
/// </summary>
public sealed class InboundTokenCheckUnavailableException : Exception
{
    /// <summary>Initializes an exception wrapping what the token check threw.</summary>
    /// <param name="innerException">What the validator threw.</param>
    public InboundTokenCheckUnavailableException(Exception innerException)
        : base($"The ID token could not be verified now: the token check is unavailable ({innerException?.Message}).", innerException)
    {
    }
}
