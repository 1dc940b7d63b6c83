namespace Pax.Analyzers;

/// <summary>The single list of Pax rule ids, and where each rule's documentation page lives.</summary>
/// <remarks>Compiled into Pax.Analyzers and, as a linked file, into Pax.Analyzers.CodeFixes.</remarks>
internal static class RuleIds
{
    /// <summary>OIDC token sent to a <c>*.googleapis.com</c> API.</summary>
    public const string OidcTokenToGoogleApi = "PAX001";

    /// <summary>Push, Eventarc or Scheduler target without <c>roles/run.invoker</c> for its caller.</summary>
    public const string MissingInvokerGrant = "PAX002";

    /// <summary>OAuth access token sent to <c>*.run.app</c> or <c>*.cloudfunctions.net</c>.</summary>
    public const string OAuthTokenToCloudRun = "PAX003";

    /// <summary>No token sent where the target requires one.</summary>
    public const string MissingToken = "PAX004";

    /// <summary>Base address of the rule pages (<c>docs/rules/</c> in the repository).</summary>
    public const string HelpBaseUri = "https://github.com/pax-project/pax/blob/main/docs/rules/";

    /// <summary>The documentation page of a rule: <c>docs/rules/{id}.md</c>.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
}
