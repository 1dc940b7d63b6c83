using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// Checks the caller's Google ID token on every authenticated endpoint (push intake, watchdog, tally status, tick,
/// job API): <see langword="null"/> means authenticated, otherwise the reason it is not. Shared by both wings — the
/// completion intake and operator endpoints, and the scheduler's endpoints — so neither reaches into the other.
/// </summary>
/// <remarks>
/// Which header carries the identity follows Cloud Run (cloud.google.com/run/docs/authenticating/service-to-service,
/// FACTS.md §5.4): when a request carries <c>X-Serverless-Authorization</c>, Cloud Run checks only that header and
/// passes <c>Authorization</c> to the container unchecked. So when <c>X-Serverless-Authorization</c> is present it is
/// the only header read, whatever <c>Authorization</c> holds; without it, <c>Authorization</c> is read. A header that
/// is present more than once, or is not a single <c>Bearer</c> token, is refused rather than guessed at.
/// <para>
/// With <see cref="PushAuthenticationMode.CloudRunIam"/> the token's claims are read without verifying its signature,
/// because Cloud Run's IAM check did, and Cloud Run says so: it replaces the signature of every token it checked with the
/// literal <c>SIGNATURE_REMOVED_BY_GOOGLE</c> (FACTS.md §5.4; docs.cloud.google.com/run/docs/troubleshooting#signature-removed).
/// A token whose third part is anything else (<c>alg: none</c> with an empty signature, HS256 with any bytes, a real
/// RS256 signature) reached the container without that check — the service lets unauthenticated requests in, or the
/// request went around Cloud Run — so it is refused, and <see cref="UncheckedTokenAlarm"/> tells the operator. That
/// stops generic forged tokens and raises the alarm; it cannot make such a deployment safe, as anyone can write the
/// marker too.
/// </para>
/// </remarks>
internal sealed class PushAuthenticator
{
    public const string ServerlessAuthorizationHeader = "X-Serverless-Authorization";
    private const string AuthorizationHeader = "Authorization";

    /// <summary>What Cloud Run puts in place of the signature of a token it verified (FACTS.md §5.4).</summary>
    public const string CloudRunSignatureMarker = "SIGNATURE_REMOVED_BY_GOOGLE";

    private static readonly string[] GoogleIssuers = ["https://accounts.google.com", "accounts.google.com"];
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private readonly PushAuthenticationMode _mode;
    private readonly string? _audience;
    private readonly IPushTokenValidator _validator;
    private readonly TimeProvider _time;
    private readonly UncheckedTokenAlarm _alarm;

    public PushAuthenticator(PushAuthenticationMode mode, string? audience, IPushTokenValidator validator, TimeProvider time, UncheckedTokenAlarm alarm)
    {
        _mode = mode;
        _audience = audience;
        _validator = validator;
        _time = time;
        _alarm = alarm;
    }

    public PushAuthenticationMode Mode => _mode;

    /// <summary>Authenticates <paramref name="request"/>: the token must name one of <paramref name="allowedAccounts"/> (by verified email).</summary>
    /// <exception cref="TokenCheckUnavailableException">Google's certificates could not be fetched (<see cref="PushAuthenticationMode.VerifySignature"/>): answer 503.</exception>
    public async Task<string?> AuthenticateAsync(HttpRequest request, IReadOnlyCollection<string> allowedAccounts, CancellationToken cancellationToken) =>
        (await IdentifyAsync(request, allowedAccounts, cancellationToken).ConfigureAwait(false)).Problem;

    /// <summary>
    /// Authenticates like <see cref="AuthenticateAsync"/> and also returns the verified email of the caller (for an audit
    /// line); the email is <see langword="null"/> with <see cref="PushAuthenticationMode.None"/> or when a problem is returned.
    /// </summary>
    /// <exception cref="TokenCheckUnavailableException">Google's certificates could not be fetched (<see cref="PushAuthenticationMode.VerifySignature"/>): answer 503.</exception>
    public async Task<(string? Problem, string? Email)> IdentifyAsync(HttpRequest request, IReadOnlyCollection<string> allowedAccounts, CancellationToken cancellationToken)
    {
        if (_mode == PushAuthenticationMode.None)
        {
            return (null, null);
        }

        var (token, problem) = SelectToken(request);
        if (token is null)
        {
            return (problem, null);
        }

        PushTokenClaims? claims;
        if (_mode == PushAuthenticationMode.VerifySignature)
        {
            claims = await VerifyAsync(token, cancellationToken).ConfigureAwait(false);
        }
        else if (!CheckedByCloudRun(token))
        {
            _alarm.Refused(request.Path);
            return ("the token's signature part is not Cloud Run's SIGNATURE_REMOVED_BY_GOOGLE, so Cloud Run's IAM check did not see it " +
                "(is the service deployed with --allow-unauthenticated or --no-invoker-iam-check, or was it reached around Cloud Run?)", null);
        }
        else
        {
            claims = DecodeWithoutSignature(token, out problem);
        }

        if (claims is null)
        {
            return (problem ?? "the token's signature, issuer, expiry or audience is not valid", null);
        }

        if (_audience is { } audience && !claims.Audiences.Contains(audience, StringComparer.Ordinal))
        {
            return ($"the token's audience [{string.Join(", ", claims.Audiences)}] is not '{audience}'", null);
        }

        if (!claims.EmailVerified || claims.Email is null || !allowedAccounts.Contains(claims.Email, StringComparer.OrdinalIgnoreCase))
        {
            return ($"the token's email '{claims.Email}' is not a verified allowed account", null);
        }

        return (null, claims.Email);
    }

    /// <summary>Whether <paramref name="token"/> is a JWT whose signature Cloud Run replaced with <see cref="CloudRunSignatureMarker"/>: the mark of its IAM check.</summary>
    private static bool CheckedByCloudRun(string token) =>
        token.Split('.') is [_, _, var signature] && string.Equals(signature, CloudRunSignatureMarker, StringComparison.Ordinal);

    private async Task<PushTokenClaims?> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            return await _validator.ValidateAsync(token, _audience!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Google's certificates could not be fetched (GooglePushTokenValidator throws only then): say so, not that a store is down.
            throw new TokenCheckUnavailableException(ex);
        }
    }

    private static (string? Token, string? Problem) SelectToken(HttpRequest request)
    {
        var header = request.Headers.ContainsKey(ServerlessAuthorizationHeader) ? ServerlessAuthorizationHeader : AuthorizationHeader;
        var values = request.Headers[header];
        if (values.Count == 0)
        {
            return (null, "no 'Authorization: Bearer' token (is the push subscription or Scheduler job configured with an OIDC service account?)");
        }

        return BearerToken(values) is { } token
            ? (token, null)
            : (null, $"the {header} header is not one 'Bearer <token>' value");
    }

    private static string? BearerToken(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { } value)
        {
            return null;
        }

        var token = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : string.Empty;
        return token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) || token.Contains(',', StringComparison.Ordinal) ? null : token;
    }

    private PushTokenClaims? DecodeWithoutSignature(string token, out string? problem)
    {
        problem = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            problem = "the token is not a JWT";
            return null;
        }

        JwtClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(Base64UrlDecode(parts[1]), OrchestrationJsonContext.Default.JwtClaims);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            problem = "the token's payload is not readable";
            return null;
        }

        if (claims is null || !GoogleIssuers.Contains(claims.Issuer, StringComparer.Ordinal))
        {
            problem = "the token was not issued by Google";
            return null;
        }

        // An exp outside DateTimeOffset's range (past year 9999, or negative) is not a token Google issued.
        if (claims.Expiry is not { } expiry || expiry < 0 || expiry > MaxUnixSeconds
            || DateTimeOffset.FromUnixTimeSeconds(expiry) < _time.GetUtcNow().AddMinutes(-5))
        {
            problem = "the token has expired or its expiry is not valid";
            return null;
        }

        return new PushTokenClaims(claims.Email, claims.IsEmailVerified(), claims.Audiences());
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Convert.FromBase64String(base64);
    }
}
