namespace Pax.Tool.Doctor.Findings;

/// <summary>The rule ids <c>pax doctor</c> reports; PAX001-PAX004 are Pax.Analyzers' ids for the same mistakes (docs/rules).</summary>
internal static class RuleIds
{
    /// <summary>OIDC token sent to a <c>*.googleapis.com</c> API (Google answers 401).</summary>
    public const string OidcToGoogleApi = "PAX001";

    /// <summary>The caller's identity holds no role that can invoke the target.</summary>
    public const string MissingInvoker = "PAX002";

    /// <summary>OAuth access token sent to a Cloud Run / Cloud Functions URL (they need an ID token).</summary>
    public const string OAuthToRunService = "PAX003";

    /// <summary>No token where one is required.</summary>
    public const string NoToken = "PAX004";

    /// <summary>A Cloud Run service anyone can call.</summary>
    public const string PublicService = "PAX101";
}
