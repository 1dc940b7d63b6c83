namespace Pax.Analyzers.Deployment;

/// <summary>
/// The callers that a set of <see cref="InvokerGrant"/>s lets invoke, indexed so that checking a caller does not scan
/// every grant (a C# project or Terraform module may hold hundreds of invocations and grants).
/// </summary>
internal sealed class GrantedCallers
{
    private readonly bool _any;
    private readonly bool _public;
    private readonly bool _everyAccount;
    private readonly HashSet<string> _serviceAccounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes <paramref name="grants"/>.</summary>
    public GrantedCallers(IReadOnlyList<InvokerGrant> grants)
    {
        _any = grants.Count > 0;
        foreach (var grant in grants)
        {
            _public |= grant.IsPublic;
            _everyAccount |= grant.CoversEveryAccount;
            if (grant.ServiceAccount is { } account)
            {
                _serviceAccounts.Add(account);
            }
        }
    }

    /// <summary>
    /// Whether some grant lets <paramref name="account"/> invoke (<see langword="null"/> = unauthenticated: only
    /// <c>allUsers</c> does). An account not known at build time is covered by any grant.
    /// </summary>
    public bool Covers(string? account)
    {
        if (_public)
        {
            return true;
        }

        if (account is null || !_any)
        {
            return false;
        }

        return _everyAccount || !UnknownText.IsKnown(account) || _serviceAccounts.Contains(account.Trim());
    }
}
