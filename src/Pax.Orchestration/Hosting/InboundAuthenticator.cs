using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Pax.Orchestration.Hosting.Internal;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Hosting;

/// <summary>
/// Checks the caller's Google ID token on every endpoint Pax guards — push intake, tally and watchdog, tick and job API,
/// dashboard — against one <see cref="InboundAuthenticationOptions"/>: the same check, whichever wing calls it. Registered
/// by <c>AddPaxOrchestration</c>, <c>AddPaxScheduling</c> and <c>AddPaxDashboard</c>; resolve it to guard an endpoint of
/// your own the same way.
/// </summary>
/// <remarks>
/// Which header carries the identity follows Cloud Run (cloud.google.com/run/docs/authenticating/service-to-service,
/// FACTS.md §5.4): when a request carries <c>X-Serverless-Authorization</c>, Cloud Run checks only that header and
/// passes <c>Authorization</c> to the container unchecked. So when <c>X-Serverless-Authorization</c> is present it is
/// the only header read, whatever <c>Authorization</c> holds; without it, <c>Authorization</c> is read. A header that
/// is present more than once, or is not a single <c>Bearer</c> token, is refused rather than guessed at.
/// <para>
/// With <see cref="InboundAuthenticationMode.CloudRunIam"/> the token's claims are read without verifying its signature,
/// because Cloud Run's IAM check did, and Cloud Run says so: it replaces the signature of every token it checked with the
/// literal <c>SIGNATURE_REMOVED_BY_GOOGLE</c> (FACTS.md §5.4; docs.cloud.google.com/run/docs/troubleshooting#signature-removed).
/// A token whose third part is anything else (<c>alg: none</c> with an empty signature, HS256 with any bytes, a real
/// RS256 signature) reached the container without that check — the service lets unauthenticated requests in, or the
/// request went around Cloud Run — so it is refused, and log event 4040 <c>UncheckedToken</c> tells the operator. That
/// stops generic forged tokens and raises the alarm; it cannot make such a deployment safe, as anyone can write the
/// marker too.
/// </para>
/// </remarks>
public sealed class InboundAuthenticator
{
    internal const string ServerlessAuthorizationHeader = "X-Serverless-Authorization";
    private const string AuthorizationHeader = "Authorization";

    /// <summary>What Cloud Run puts in place of the signature of a token it verified (FACTS.md §5.4).</summary>
    internal const string CloudRunSignatureMarker = "SIGNATURE_REMOVED_BY_GOOGLE";

    private static readonly string[] GoogleIssuers = ["https://accounts.google.com", "accounts.google.com"];
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private readonly IInboundTokenValidator _validator;
    private readonly TimeProvider _time;
    private readonly UncheckedTokenAlarm _alarm;

    /// <summary>Initializes the check; DI builds one per process, so the alarm about unchecked tokens (log event 4040) is one line a minute for all endpoints.</summary>
    /// <param name="validator">Verifies signatures for <see cref="InboundAuthenticationMode.VerifySignature"/>.</param>
    /// <param name="timeProvider">The clock of token expiry and of the alarm.</param>
    /// <param name="logger">Where event 4040 <c>UncheckedToken</c> goes.</param>
    public InboundAuthenticator(IInboundTokenValidator validator, TimeProvider timeProvider, ILogger<InboundAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _validator = validator;
        _time = timeProvider;
        _alarm = new UncheckedTokenAlarm(timeProvider, logger);
    }

    /// <summary>
    /// Authenticates <paramref name="request"/> under <paramref name="options"/>: the caller's token must pass the mode's
    /// check, carry <see cref="InboundAuthenticationOptions.Audience"/> when one is set, and name one of
    /// <see cref="InboundAuthenticationOptions.AllowedPrincipals"/> by its verified email.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="options">Who may call and how.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The caller's email, or why the request is refused (answer 401, <c>WWW-Authenticate: Bearer</c>).</returns>
    /// <exception cref="InboundTokenCheckUnavailableException">The token could not be checked now (answer 503: the caller retries).</exception>
    public Task<InboundAuthenticationResult> AuthenticateAsync(HttpRequest request, InboundAuthenticationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return CheckAsync(request, options, InboundPrincipals.Emails(options.AllowedPrincipals), cancellationToken);
    }

    /// <summary>Authenticates like the public overload, against <paramref name="allowedEmails"/> (an endpoint's own list, such as the operators).</summary>
    /// <exception cref="InboundTokenCheckUnavailableException">The token could not be checked now (answer 503).</exception>
    internal async Task<InboundAuthenticationResult> CheckAsync(HttpRequest request, InboundAuthenticationOptions options, IReadOnlySet<string> allowedEmails, CancellationToken cancellationToken)
    {
        if (options.Mode == InboundAuthenticationMode.None)
        {
            return InboundAuthenticationResult.Anonymous;
        }

        var (token, problem) = SelectToken(request);
        if (token is null)
        {
            return InboundAuthenticationResult.Refused(problem!);
        }

        InboundTokenClaims? claims;
        if (options.Mode == InboundAuthenticationMode.VerifySignature)
        {
            claims = await VerifyAsync(token, options.Audience!, cancellationToken).ConfigureAwait(false);
        }
        else if (!CheckedByCloudRun(token))
        {
            _alarm.Refused(request.Path);
            return InboundAuthenticationResult.Refused("the token's signature part is not Cloud Run's SIGNATURE_REMOVED_BY_GOOGLE, so Cloud Run's IAM check did not see it " +
                "(is the service deployed with --allow-unauthenticated or --no-invoker-iam-check, or was it reached around Cloud Run?)");
        }
        else
        {
            claims = DecodeWithoutSignature(token, out problem);
        }

        if (claims is null)
        {
            return InboundAuthenticationResult.Refused(problem ?? "the token's signature, issuer, expiry or audience is not valid");
        }

        if (options.Audience is { } audience && !claims.Audiences.Contains(audience, StringComparer.Ordinal))
        {
            return InboundAuthenticationResult.Refused($"the token's audience [{string.Join(", ", claims.Audiences)}] is not '{audience}'");
        }

        if (!claims.EmailVerified || claims.Email is null || !allowedEmails.Contains(claims.Email))
        {
            return InboundAuthenticationResult.Refused($"the token's email '{claims.Email}' is not a verified allowed account");
        }

        return InboundAuthenticationResult.Authenticated(claims.Email);
    }

    /// <summary>Whether <paramref name="token"/> is a JWT whose signature Cloud Run replaced with <see cref="CloudRunSignatureMarker"/>: the mark of its IAM check.</summary>
    private static bool CheckedByCloudRun(string token) =>
        token.Split('.') is [_, _, var signature] && string.Equals(signature, CloudRunSignatureMarker, StringComparison.Ordinal);

    private async Task<InboundTokenClaims?> VerifyAsync(string token, string audience, CancellationToken cancellationToken)
    {
        try
        {
            return await _validator.ValidateAsync(token, audience, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The check could not be made (GoogleInboundTokenValidator throws only when Google's certificates could not be
            // fetched; IInboundTokenValidator's contract): say so, not that a store is down.
            throw new InboundTokenCheckUnavailableException(ex);
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

    private InboundTokenClaims? DecodeWithoutSignature(string token, out string? problem)
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

        return new InboundTokenClaims(claims.Email, claims.IsEmailVerified(), claims.Audiences());
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Convert.FromBase64String(base64);
    }
}
