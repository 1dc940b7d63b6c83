namespace Pax.Analyzers.Deployment;

/// <summary>
/// A role granted to one member, on one target or project-wide (or an equivalent such as <c>--allow-unauthenticated</c>),
/// that may let the member invoke (see <see cref="InvokerRoles"/>).
/// </summary>
internal sealed class InvokerGrant
{
    /// <summary>Everyone on every target of the unit (a target not known at build time made public).</summary>
    public static readonly InvokerGrant Public = new("allUsers");

    /// <summary>Creates a grant for <paramref name="member"/> (IAM member syntax; may hold <see cref="UnknownText.Marker"/>).</summary>
    /// <param name="member">The IAM member.</param>
    /// <param name="role">The role; <see langword="null"/> when it is one that lets invoke (or not known).</param>
    /// <param name="target">
    /// The key of the target it is granted on (<see cref="DeploymentUnit.TargetKey"/>); <see langword="null"/> for a
    /// project-level grant or a target not known at build time: it counts for every target.
    /// </param>
    public InvokerGrant(string member, string? role = null, string? target = null)
    {
        Member = member;
        Role = role;
        Target = target;
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

    /// <summary>The role, or <see langword="null"/> when it is one that lets invoke.</summary>
    public string? Role { get; }

    /// <summary>The target key, or <see langword="null"/> for every target.</summary>
    public string? Target { get; }

    /// <summary>Makes <paramref name="target"/> public (<c>allUsers</c>); every target when <see langword="null"/>.</summary>
    public static InvokerGrant PublicOn(string? target) => target is null ? Public : new InvokerGrant("allUsers", null, target);

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
