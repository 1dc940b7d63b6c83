namespace Pax.Analyzers.Deployment;

/// <summary>A <c>roles/run.invoker</c> grant (or an equivalent such as <c>--allow-unauthenticated</c>) for one member.</summary>
internal sealed class InvokerGrant
{
    /// <summary>Everyone, including unauthenticated callers.</summary>
    public static readonly InvokerGrant Public = new("allUsers");

    /// <summary>Creates a grant for <paramref name="member"/> (IAM member syntax; may hold <see cref="UnknownText.Marker"/>).</summary>
    public InvokerGrant(string member)
    {
        Member = member;
        var trimmed = member.Trim();
        if (string.Equals(trimmed, "allUsers", StringComparison.OrdinalIgnoreCase))
        {
            IsPublic = true;
            return;
        }

        if (string.Equals(trimmed, "allAuthenticatedUsers", StringComparison.OrdinalIgnoreCase) || !UnknownText.IsKnown(trimmed))
        {
            CoversEveryAccount = true;
            return;
        }

        var colon = trimmed.IndexOf(':');
        var kind = colon < 0 ? "serviceAccount" : trimmed.Substring(0, colon);
        if (string.Equals(kind, "group", StringComparison.OrdinalIgnoreCase)
            || string.Equals(kind, "domain", StringComparison.OrdinalIgnoreCase))
        {
            // Membership of a group or domain cannot be seen from here.
            CoversEveryAccount = true;
        }
        else if (string.Equals(kind, "serviceAccount", StringComparison.OrdinalIgnoreCase))
        {
            ServiceAccount = (colon < 0 ? trimmed : trimmed.Substring(colon + 1)).Trim();
        }
    }

    /// <summary>The IAM member, e.g. <c>serviceAccount:sa@p.iam.gserviceaccount.com</c> or <c>allUsers</c>.</summary>
    public string Member { get; }

    /// <summary>Whether the member is <c>allUsers</c>: every caller, unauthenticated ones included.</summary>
    public bool IsPublic { get; }

    /// <summary>
    /// Whether the grant may cover any authenticated caller: <c>allAuthenticatedUsers</c>, a group or domain (whose
    /// members cannot be seen here), or a member not known at build time.
    /// </summary>
    public bool CoversEveryAccount { get; }

    /// <summary>The service account the grant names (without <c>serviceAccount:</c>), or <see langword="null"/>.</summary>
    public string? ServiceAccount { get; }

    /// <summary>
    /// Whether this grant lets <paramref name="account"/> invoke (<see langword="null"/> = unauthenticated). Anything not
    /// known at build time is assumed to match, so the rule reports only what is certainly missing.
    /// </summary>
    public bool Covers(string? account) => new GrantedCallers([this]).Covers(account);
}
