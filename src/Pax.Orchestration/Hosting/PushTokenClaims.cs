namespace Pax.Orchestration.Hosting;

/// <summary>The claims of a push token the intake checks.</summary>
/// <param name="Email">The <c>email</c> claim (the push service account).</param>
/// <param name="EmailVerified">The <c>email_verified</c> claim.</param>
/// <param name="Audiences">The <c>aud</c> claim (a string or an array).</param>
public sealed record PushTokenClaims(string? Email, bool EmailVerified, IReadOnlyList<string> Audiences);
