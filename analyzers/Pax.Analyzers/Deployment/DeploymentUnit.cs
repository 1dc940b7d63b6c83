namespace Pax.Analyzers.Deployment;

/// <summary>
/// What one deployment unit (a C# project, the project's scripts and CI files, a Terraform module) configures: who calls which Cloud Run or
/// Cloud Functions target, which services, jobs and functions it deploys, and which roles it grants on them.
/// </summary>
internal sealed class DeploymentUnit
{
    private readonly List<Invocation> _invocations = [];
    private readonly List<InvokerGrant> _grants = [];
    private readonly Dictionary<string, FunctionGeneration> _functions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    /// <summary>
    /// The start of the key of a service or function whose name is not known at build time but whose resource is (a
    /// Pulumi resource left to auto-naming): grants and calls that read it share that key. Not a valid service name.
    /// </summary>
    public const string UnnamedKeyPrefix = "~unnamed-";

    /// <summary>The invocations added so far.</summary>
    public IReadOnlyList<Invocation> Invocations => _invocations;

    /// <summary>The grants added so far.</summary>
    public IReadOnlyList<InvokerGrant> Grants => _grants;

    /// <summary>Whether the unit deploys a service or function (other files of a module may call them).</summary>
    public bool DeploysAnything => _services.Count > 0 || _functions.Count > 0;

    /// <summary>The key grants and invocations of a target share: the name, <c>job/NAME</c> for jobs; <see langword="null"/> when unknown.</summary>
    public static string? TargetKey(string? name, bool job = false)
    {
        if (name is null || !UnknownText.IsKnown(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var slash = trimmed.LastIndexOf('/');
        trimmed = slash >= 0 ? trimmed.Substring(slash + 1) : trimmed; // projects/p/locations/l/services/NAME
        return trimmed.Length == 0 ? null : (job ? "job/" : string.Empty) + trimmed;
    }

    /// <summary>Adds an invocation.</summary>
    public void Add(Invocation invocation) => _invocations.Add(invocation);

    /// <summary>Adds a grant.</summary>
    public void Add(InvokerGrant grant) => _grants.Add(grant);

    /// <summary>Records a deployed Cloud Run service (a <c>*.a.run.app</c> host that starts with its name belongs to it).</summary>
    public void AddService(string? name)
    {
        if (TargetKey(name) is { } key)
        {
            _services.Add(key);
        }
    }

    /// <summary>
    /// Records a deployed function and its generation. Deploys that disagree on the generation (<c>dev.sh</c> without
    /// <c>--gen2</c>, <c>prod.sh</c> with it) leave it unknown, in whatever order they are added.
    /// </summary>
    public void AddFunction(string? name, FunctionGeneration generation)
    {
        if (TargetKey(name) is { } key)
        {
            AddFunctionKey(key, generation);
        }
    }

    /// <summary>Adds everything another unit holds.</summary>
    public void AddRange(DeploymentUnit other)
    {
        _invocations.AddRange(other._invocations);
        _grants.AddRange(other._grants);
        _services.UnionWith(other._services);
        foreach (var function in other._functions)
        {
            AddFunctionKey(function.Key, function.Value);
        }
    }

    /// <summary>Adds the grants another unit holds (and nothing else it configures).</summary>
    public void AddGrants(DeploymentUnit other) => _grants.AddRange(other._grants);

    /// <summary>
    /// The invocations whose caller no grant of this unit lets invoke its target (PAX002), with the permission that is
    /// missing.
    /// </summary>
    public List<(Invocation Invocation, string Permission)> UngrantedInvocations()
    {
        var ungranted = new List<(Invocation, string)>();
        if (_invocations.Count == 0)
        {
            return ungranted;
        }

        var callers = new Dictionary<string, GrantedCallers>(StringComparer.Ordinal);
        foreach (var invocation in _invocations)
        {
            if (Requirement(invocation.Called) is not { } requirement)
            {
                continue; // can't tell which permission the call needs
            }

            var cacheKey = (requirement.Key ?? "\u0000") + "|" + string.Join(",", requirement.Permissions);
            if (!callers.TryGetValue(cacheKey, out var granted))
            {
                granted = new GrantedCallers(_grants
                    .Where(g => MayBeSameTarget(g.Target, requirement.Key) && InvokerRoles.MayHoldAny(g.Role, requirement.Permissions))
                    .ToList());
                callers.Add(cacheKey, granted);
            }

            if (!granted.Covers(invocation.Account) && !(invocation.Account is null && IsDeployed(requirement.Key)))
            {
                ungranted.Add((invocation, requirement.Permissions[0]));
            }
        }

        return ungranted;
    }

    /// <summary>
    /// The invocations that send no token to a service or function this unit deploys without public access (PAX004;
    /// <see cref="UngrantedInvocations"/> leaves them out).
    /// </summary>
    public List<Invocation> UnauthenticatedCallsToPrivateTargets()
    {
        var calls = new List<Invocation>();
        foreach (var invocation in _invocations)
        {
            if (invocation.Account is null && Requirement(invocation.Called) is { } requirement && IsDeployed(requirement.Key)
                && !_grants.Any(g => g.IsPublic && MayBeSameTarget(g.Target, requirement.Key)))
            {
                calls.Add(invocation);
            }
        }

        return calls;
    }

    /// <summary>The PAX002 and PAX004 diagnostics of the unit.</summary>
    public IEnumerable<Microsoft.CodeAnalysis.Diagnostic> Diagnostics()
    {
        foreach (var (invocation, permission) in UngrantedInvocations())
        {
            yield return invocation.ToDiagnostic(permission);
        }

        foreach (var invocation in UnauthenticatedCallsToPrivateTargets())
        {
            yield return invocation.ToMissingTokenDiagnostic();
        }
    }

    /// <summary>
    /// Whether a grant on <paramref name="granted"/> may be a grant on <paramref name="called"/>: when they are the same,
    /// when either is not known, and when one is an unnamed resource and the other a name no other resource of the unit
    /// has ("can't tell"). Two different resources of the unit, or two different names, are different targets.
    /// </summary>
    private bool MayBeSameTarget(string? granted, string? called)
    {
        if (granted is null || called is null || granted == called)
        {
            return true;
        }

        var grantedUnnamed = granted.StartsWith(UnnamedKeyPrefix, StringComparison.Ordinal);
        var calledUnnamed = called.StartsWith(UnnamedKeyPrefix, StringComparison.Ordinal);
        return grantedUnnamed != calledUnnamed && !IsDeployed(grantedUnnamed ? called : granted);
    }

    private void AddFunctionKey(string key, FunctionGeneration generation)
    {
        _functions[key] = _functions.TryGetValue(key, out var known) && known != generation ? FunctionGeneration.Unknown : generation;
        if (generation == FunctionGeneration.Second)
        {
            _services.Add(key);
        }
    }

    private bool IsDeployed(string? key) => key is not null && (_services.Contains(key) || _functions.ContainsKey(key));

    private (string? Key, string[] Permissions)? Requirement(InvocationTarget target)
    {
        switch (target.Kind)
        {
            case InvocationTargetKind.Job:
                return (TargetKey(target.Name, job: true), [target.WithOverrides ? InvokerRoles.RunJobWithOverrides : InvokerRoles.RunJob]);
            case InvocationTargetKind.FunctionUrl:
                var key = TargetKey(target.Name);
                if (key is null || !_functions.TryGetValue(key, out var generation))
                {
                    return (key, [InvokerRoles.InvokeService, InvokerRoles.InvokeFunction]);
                }

                return generation switch
                {
                    FunctionGeneration.First => (key, [InvokerRoles.InvokeFunction]),
                    FunctionGeneration.Second => (key, [InvokerRoles.InvokeService]),
                    _ => null,
                };
            default:
                return (TargetKey(target.Name) ?? ServiceOfHost(target.HostLabel), [InvokerRoles.InvokeService]);
        }
    }

    /// <summary>
    /// The deployed service a <c>*.a.run.app</c> host label names. Cloud Run gives every service a hash-based URL
    /// (cloud.google.com/run/docs/triggering/https-request, "Service URL"; a traffic tag is written before it with
    /// <c>---</c>): <c>[TAG---]SERVICE-HASH-REGIONCODE.a.run.app</c>, the hash letters and digits and the region code two
    /// or three letters (<c>orders-x7k2pq3r4a-uc</c>), neither holding a <c>-</c>. So the service is what precedes the
    /// last two parts, exactly; a label of another shape, or one naming a service the unit does not deploy (a name Cloud
    /// Run cut short to fit the label among them), is not resolved.
    /// </summary>
    private string? ServiceOfHost(string? label)
    {
        if (label is null)
        {
            return null;
        }

        var tag = label.LastIndexOf("---", StringComparison.Ordinal);
        var name = tag < 0 ? label : label.Substring(tag + 3);
        var regionDash = name.LastIndexOf('-');
        var hashDash = regionDash > 0 ? name.LastIndexOf('-', regionDash - 1) : -1;
        if (hashDash <= 0
            || name.Length - regionDash - 1 is < 2 or > 3 || !IsAll(name, regionDash + 1, name.Length, digits: false)
            || regionDash - hashDash - 1 < 1 || !IsAll(name, hashDash + 1, regionDash, digits: true))
        {
            return null;
        }

        var service = name.Substring(0, hashDash);
        return _services.Contains(service) ? service : null;
    }

    private static bool IsAll(string text, int start, int end, bool digits)
    {
        for (var i = start; i < end; i++)
        {
            if (!(text[i] is >= 'a' and <= 'z' || (digits && text[i] is >= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
