namespace Pax.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the C# analyzer sets for the code fixes.
/// </summary>
/// <remarks>Compiled into Pax.Analyzers and, as a linked file, into Pax.Analyzers.CodeFixes.</remarks>
internal static class DiagnosticPropertyNames
{
    /// <summary>Name of the token property to assign instead (e.g. <c>OAuthToken</c> or <c>OidcToken</c>).</summary>
    public const string ReplacementProperty = "ReplacementProperty";

    /// <summary>OIDC audience for the replacement token: the service URL, when it is known at build time.</summary>
    public const string Audience = "Audience";

    /// <summary>The OAuth scope every Google API accepts.</summary>
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";
}
