namespace Pax.Analyzers.Deployment;

/// <summary>A <c>roles/run.invoker</c> grant (or an equivalent such as <c>--allow-unauthenticated</c>) for one member.</summary>
internal sealed class InvokerGrant
{
    /// <summary>Everyone, including unauthenticated callers.</summary>
    public static readonly InvokerGrant Public = new("allUsers");

    /// <summary>Creates a grant for <paramref name="member"/> (IAM member syntax; may hold <see cref="UnknownText.Marker"/>).</summary>
    public InvokerGrant(string member) => Member = member;

    /// <summary>The IAM member, e.g. <c>serviceAccount:sa@p.iam.gserviceaccount.com</c> or <c>allUsers</c>.</summary>
    public string Member { get; }

    /// <summary>
    /// Whether this grant lets <paramref name="account"/> invoke (<see langword="null"/> = unauthenticated). Anything not
    /// known at build time is assumed to match, so the rule reports only what is certainly missing.
    /// </summary>
    public bool Covers(string? account)
    {
        var member = Member.Trim();
        if (string.Equals(member, "allUsers", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (account is null)
        {
            return false;
        }

        if (string.Equals(member, "allAuthenticatedUsers", StringComparison.OrdinalIgnoreCase)
            || !UnknownText.IsKnown(member)
            || !UnknownText.IsKnown(account))
        {
            return true;
        }

        var colon = member.IndexOf(':');
        var kind = colon < 0 ? "serviceAccount" : member.Substring(0, colon);
        var principal = colon < 0 ? member : member.Substring(colon + 1);
        if (string.Equals(kind, "group", StringComparison.OrdinalIgnoreCase)
            || string.Equals(kind, "domain", StringComparison.OrdinalIgnoreCase))
        {
            // Membership of a group or domain cannot be seen from here.
            return true;
        }

        return string.Equals(kind, "serviceAccount", StringComparison.OrdinalIgnoreCase)
            && string.Equals(principal.Trim(), account.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
