namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>Reads <see cref="DashboardOptions.AllowedPrincipals"/> entries: a bare email, or an IAM member <c>user:</c> / <c>serviceAccount:</c>.</summary>
internal static class DashboardPrincipals
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

    public static IReadOnlyCollection<string> Emails(IEnumerable<string> principals) =>
        principals.Select(Email).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
}
