using System.Text.RegularExpressions;

namespace Pax.GoogleCloud.Internal;

/// <summary>The IAM principal forms (<c>serviceAccount:</c>, <c>user:</c>, <c>group:</c>, <c>domain:</c>, <c>allUsers</c>, …).</summary>
internal static partial class IamMembers
{
    public const string Rule =
        "an IAM member: serviceAccount:NAME@PROJECT.iam.gserviceaccount.com, user:EMAIL, group:EMAIL, domain:DOMAIN, allUsers, allAuthenticatedUsers, principal://… or principalSet://…";

    public static bool IsMember(string? member) => member switch
    {
        null => false,
        "allUsers" or "allAuthenticatedUsers" => true,
        _ when member.StartsWith("serviceAccount:", StringComparison.Ordinal) => GoogleResourceNames.IsServiceAccountEmail(member["serviceAccount:".Length..]),
        _ when member.StartsWith("user:", StringComparison.Ordinal) => EmailPattern().IsMatch(member["user:".Length..]),
        _ when member.StartsWith("group:", StringComparison.Ordinal) => EmailPattern().IsMatch(member["group:".Length..]),
        _ when member.StartsWith("domain:", StringComparison.Ordinal) => DomainPattern().IsMatch(member["domain:".Length..]),
        _ when member.StartsWith("principal://", StringComparison.Ordinal) || member.StartsWith("principalSet://", StringComparison.Ordinal) =>
            !member.Any(char.IsWhiteSpace) && member.Length > "principalSet://".Length,
        _ => false,
    };

    /// <summary>Says what is wrong with <paramref name="member"/>, with the likely fix.</summary>
    public static string Explain(string? member) =>
        member is not null && !member.Contains(':', StringComparison.Ordinal) && member.Contains('@', StringComparison.Ordinal)
            ? $"'{member}' has no member type: prefix it, as in serviceAccount:{member} (or user:, group:)."
            : $"'{member}' is not {Rule}.";

    [GeneratedRegex(@"^[^@\s:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
