namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// The token could not be checked now (<see cref="PushAuthenticationMode.VerifySignature"/>: Google's signing
/// certificates could not be fetched): not the caller's fault, so every endpoint answers 503 and says so — not that a
/// store is unavailable.
/// </summary>
internal sealed class TokenCheckUnavailableException : Exception
{
    public TokenCheckUnavailableException(Exception innerException)
        : base($"The ID token could not be verified: Google's signing certificates could not be fetched ({innerException.Message}).", innerException)
    {
    }
}
