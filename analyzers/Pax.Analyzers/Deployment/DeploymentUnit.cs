namespace Pax.Analyzers.Deployment;

/// <summary>
/// What one deployment unit (a C# project, a script, a Terraform module) configures: who calls a Cloud Run target
/// and who is granted <c>roles/run.invoker</c>.
/// </summary>
internal sealed class DeploymentUnit
{
    private readonly List<Invocation> _invocations = [];
    private readonly List<InvokerGrant> _grants = [];

    /// <summary>The invocations added so far.</summary>
    public IReadOnlyList<Invocation> Invocations => _invocations;

    /// <summary>The grants added so far.</summary>
    public IReadOnlyList<InvokerGrant> Grants => _grants;

    /// <summary>Adds an invocation.</summary>
    public void Add(Invocation invocation) => _invocations.Add(invocation);

    /// <summary>Adds a grant.</summary>
    public void Add(InvokerGrant grant) => _grants.Add(grant);

    /// <summary>Adds everything another unit holds.</summary>
    public void AddRange(DeploymentUnit other)
    {
        _invocations.AddRange(other._invocations);
        _grants.AddRange(other._grants);
    }

    /// <summary>The invocations whose caller no grant of this unit covers (PAX002).</summary>
    public List<Invocation> UngrantedInvocations()
    {
        var ungranted = new List<Invocation>();
        if (_invocations.Count == 0)
        {
            return ungranted;
        }

        var callers = new GrantedCallers(_grants);
        foreach (var invocation in _invocations)
        {
            if (!callers.Covers(invocation.Account))
            {
                ungranted.Add(invocation);
            }
        }

        return ungranted;
    }
}
