using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>Applies <see cref="PushOptions"/> to a request: <see langword="null"/> means authenticated, otherwise the reason it is not.</summary>
internal sealed class PushAuthenticator
{
    private static readonly string[] GoogleIssuers = ["https://accounts.google.com", "accounts.google.com"];
    private readonly PushOptions _options;
    private readonly IPushTokenValidator _validator;
    private readonly TimeProvider _time;

    public PushAuthenticator(PushOptions options, IPushTokenValidator validator, TimeProvider time)
    {
        _options = options;
        _validator = validator;
        _time = time;
    }

    public async Task<string?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (_options.Authentication == PushAuthenticationMode.None)
        {
            return null;
        }

        var token = BearerToken(request, "Authorization") ?? BearerToken(request, "X-Serverless-Authorization");
        if (token is null)
        {
            return "no 'Authorization: Bearer' token (is the push subscription configured with an OIDC service account?)";
        }

        string? problem = null;
        var claims = _options.Authentication == PushAuthenticationMode.VerifySignature
            ? await _validator.ValidateAsync(token, _options.Audience!, cancellationToken).ConfigureAwait(false)
            : DecodeWithoutSignature(token, out problem);
        if (claims is null)
        {
            return problem ?? "the token's signature, issuer, expiry or audience is not valid";
        }

        if (_options.Audience is { } audience && !claims.Audiences.Contains(audience, StringComparer.Ordinal))
        {
            return $"the token's audience [{string.Join(", ", claims.Audiences)}] is not '{audience}'";
        }

        if (!claims.EmailVerified || claims.Email is null || !_options.AllowedServiceAccounts.Contains(claims.Email, StringComparer.OrdinalIgnoreCase))
        {
            return $"the token's email '{claims.Email}' is not a verified allowed service account";
        }

        return null;
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
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            problem = "the token's payload is not readable";
            return null;
        }

        if (claims is null || !GoogleIssuers.Contains(claims.Issuer, StringComparer.Ordinal))
        {
            problem = "the token was not issued by Google";
            return null;
        }

        if (claims.Expiry is not { } expiry || DateTimeOffset.FromUnixTimeSeconds(expiry) < _time.GetUtcNow().AddMinutes(-5))
        {
            problem = "the token has expired";
            return null;
        }

        return new PushTokenClaims(claims.Email, claims.IsEmailVerified(), claims.Audiences());
    }

    private static string? BearerToken(HttpRequest request, string header)
    {
        var value = request.Headers[header].ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value.Length > 7 ? value[7..].Trim() : null;
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Convert.FromBase64String(base64);
    }
}
