namespace Pax.Orchestration.Hosting;

/// <summary>The claims of a caller's Google ID token that the inbound check reads.</summary>
/// <param name="Email">The <c>email</c> claim (the caller's service account or user).</param>
/// <param name="EmailVerified">The <c>email_verified</c> claim.</param>
/// <param name="Audiences">The <c>aud</c> claim (a string or an array).</param>
public sealed record InboundTokenClaims(string? Email, bool EmailVerified, IReadOnlyList<string> Audiences);
