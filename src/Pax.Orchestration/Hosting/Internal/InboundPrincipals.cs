namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// Reads the entries of <see cref="InboundAuthenticationOptions.AllowedPrincipals"/> (and of the lists beside it:
/// <c>OperatorAccounts</c>, <c>JobCreators</c>): a bare email, or an IAM member <c>user:</c> / <c>serviceAccount:</c>.
/// </summary>
internal static class InboundPrincipals
{
    private static readonly string[] Prefixes = ["user:", "serviceAccount:"];

    public static string? Email(string? principal)
    {
        if (string.IsNullOrWhiteSpace(principal))
        {
            return null;
        }

        var text = principal.Trim();
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < text.Length - 1 && !text.Contains(':', StringComparison.Ordinal) && !text.Any(char.IsWhiteSpace) ? text : null;
    }

    /// <summary>The emails of <paramref name="principals"/> (entries that are not one are left out: startup validation refuses them).</summary>
    public static IReadOnlySet<string> Emails(IEnumerable<string> principals) =>
        principals.Select(Email).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>One message per entry of <paramref name="principals"/> that is neither an email nor a member, naming <paramref name="key"/>.</summary>
    public static IEnumerable<string> Validate(IReadOnlyList<string> principals, string key)
    {
        for (var i = 0; i < principals.Count; i++)
        {
            if (Email(principals[i]) is null)
            {
                yield return $"{key}:{i} '{principals[i]}' is not an email or a user:/serviceAccount: member.";
            }
        }
    }
}
