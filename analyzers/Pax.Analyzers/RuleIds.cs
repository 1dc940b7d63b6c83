using System.Reflection;

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

    /// <summary>
    /// Base address of the rule pages (<c>docs/rules/</c> in the repository), or empty when the build named no
    /// repository address: MSBuild's <c>RepositoryUrl</c> (one property, Directory.Build.props) becomes
    /// <c>{RepositoryUrl}/blob/main/docs/rules/</c> as the assembly metadata <c>PaxRulesHelpBaseUrl</c>.
    /// </summary>
    public static readonly string HelpBaseUri = typeof(RuleIds).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "PaxRulesHelpBaseUrl")?.Value ?? string.Empty;

    /// <summary>The documentation page of a rule (<c>docs/rules/{id}.md</c>), or null (no help link) when no repository address is known.</summary>
    public static string? GetHelpUri(string id) => HelpBaseUri.Length == 0 ? null : HelpBaseUri + id + ".md";
}
