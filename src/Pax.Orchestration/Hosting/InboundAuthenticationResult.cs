namespace Pax.Orchestration.Hosting;

/// <summary>What <see cref="InboundAuthenticator.AuthenticateAsync"/> decided about one request.</summary>
public sealed class InboundAuthenticationResult
{
    private InboundAuthenticationResult(string? principal, string? failure)
    {
        Principal = principal;
        Failure = failure;
    }

    /// <summary>Gets a value indicating whether the request may go on.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>
    /// Gets the caller's verified email (for an audit line), or <see langword="null"/> when the request was refused or
    /// nothing was checked (<see cref="InboundAuthenticationMode.None"/>).
    /// </summary>
    public string? Principal { get; }

    /// <summary>Gets why the request is refused (for the log; answer 401 with <c>WWW-Authenticate: Bearer</c>), or <see langword="null"/>.</summary>
    public string? Failure { get; }

    internal static InboundAuthenticationResult Anonymous { get; } = new(null, null);

    internal static InboundAuthenticationResult Authenticated(string email) => new(email, null);

    internal static InboundAuthenticationResult Refused(string failure) => new(null, failure);
}
