using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.CSharp;

/// <summary>The per-compilation state of <see cref="CSharpDeploymentAnalyzer"/>: token checks, invocations and grants.</summary>
internal sealed class CSharpDeploymentCollector
{
    private const string ServiceAccountEmail = "ServiceAccountEmail";

    private readonly Lazy<CSharpDeploymentTypes?> _lazyTypes;
    private readonly ConcurrentBag<Invocation> _invocations = [];
    private readonly ConcurrentBag<InvokerGrant> _grants = [];
    private readonly ConcurrentBag<Diagnostic> _missingTokens = [];
    private readonly ConcurrentBag<(string Name, FunctionGeneration? Generation)> _deployed = [];
    private readonly PulumiResourceKeys _resources = new();

    public CSharpDeploymentCollector(Compilation compilation) =>
        _lazyTypes = new Lazy<CSharpDeploymentTypes?>(() => CSharpDeploymentTypes.Create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    public void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !CSharpDeploymentTypes.MayConfigure(property.Name)
            || property.ContainingType is not { } type
            || !HasTypes())
        {
            return;
        }

        if (Types.TargetOf(type) is { } shape)
        {
            if (property.Name == shape.UrlProperty)
            {
                AnalyzeTargetUrl(assignment, shape);
            }
            else if (property.Name == TargetShape.OidcProperty || property.Name == TargetShape.OAuthPropertyOf(type))
            {
                AnalyzeToken(in context, assignment, shape, type, isOidc: property.Name == TargetShape.OidcProperty);
            }
        }
        else if (property.Name == GrantShape.RoleProperty && Types.IsGrant(type))
        {
            AnalyzeGrant(assignment);
        }
        else if (property.Name == CSharpDeploymentTypes.DeployedNameProperty && Types.IsDeploying(type, out var generation))
        {
            // A name not known at build time deploys nothing the analyzer can tie a URL or grant to.
            if (OperationText.Evaluate(assignment.Value, Types) is { } name && UnknownText.IsKnown(name))
            {
                _deployed.Add((name, generation));
            }
        }
        else if (property.Name == CSharpDeploymentTypes.InvokerIamDisabledProperty
            && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Types.CloudRunServiceArgs)
            && OperationText.Evaluate(assignment.Value, Types) == "true")
        {
            _grants.Add(InvokerGrant.PublicOn(ServiceOfArguments(assignment)));
        }
    }

    public void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "AddRoleMember"
            || invocation.Arguments.Length < 2
            || !HasTypes()
            || Types.IamPolicy is null
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, Types.IamPolicy))
        {
            return;
        }

        // The role decides later whether it lets invoke (InvokerRoles); the target is the policy's SetIamPolicy resource when known.
        var role = OperationText.Evaluate(Argument(invocation, "role", 0), Types);
        var member = OperationText.Evaluate(Argument(invocation, "member", 1), Types) ?? UnknownText.Value;
        _grants.Add(new InvokerGrant(member, role, IamPolicyResource.TargetOf(invocation, Types)));
    }

    public void ReportMissingGrants(CompilationAnalysisContext context)
    {
        // PAX004 in C# waits for the end too: a token may be assigned after the URL in the same initializer or object.
        foreach (var diagnostic in InSourceOrder(_missingTokens))
        {
            context.ReportDiagnostic(diagnostic);
        }

        if (_invocations.IsEmpty)
        {
            return;
        }

        var unit = new DeploymentUnit();
        foreach (var invocation in _invocations)
        {
            unit.Add(invocation);
        }

        foreach (var grant in _grants)
        {
            unit.Add(grant);
        }

        foreach (var (name, generation) in _deployed.Concat(_resources.Resources))
        {
            if (generation is { } function)
            {
                unit.AddFunction(name, function);
            }
            else
            {
                unit.AddService(name);
            }
        }

        foreach (var diagnostic in InSourceOrder(unit.Diagnostics()))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>By file, then position: the same order whatever order the compiler analysed the files in.</summary>
    private static IEnumerable<Diagnostic> InSourceOrder(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start);

    /// <summary>The types; read only after <see cref="HasTypes"/> said they exist.</summary>
    private CSharpDeploymentTypes Types => _lazyTypes.Value!;

    /// <summary>Resolves the types on first use; <see langword="false"/> when the compilation references no target type.</summary>
    private bool HasTypes() => _lazyTypes.Value is not null;

    private void AnalyzeTargetUrl(ISimpleAssignmentOperation assignment, TargetShape shape)
    {
        var url = OperationText.Evaluate(assignment.Value, Types);
        var kind = TargetHost.Classify(url);
        if (kind == TargetKind.Other)
        {
            return;
        }

        var type = ((IPropertyReferenceOperation)assignment.Target).Property.ContainingType;
        if (kind == TargetKind.GoogleApi)
        {
            AnalyzeGoogleApiTarget(assignment, type, url!);
            return;
        }

        var siblings = InstanceAssignments.Of(assignment);

        if (siblings.ValueOf(TargetShape.OAuthPropertyOf(type)) is not null)
        {
            return; // PAX003 covers it.
        }

        var oidc = siblings.ValueOf(TargetShape.OidcProperty);
        var account = oidc is null ? null : TokenAccount(oidc);
        var called = _resources.TryReadUrl(assignment.Value, Types, out var service)
            ? InvocationTarget.Service(service)
            : InvocationTarget.FromCloudRunUrl(url!);
        _invocations.Add(new Invocation(assignment.Syntax.GetLocation(), shape.Source, UnknownText.Display(url!), account, called, TargetShape.OidcProperty + "." + ServiceAccountEmail));
    }

    /// <summary>PAX004: a Google API target with no token; the object initializer is looked at before the whole block.</summary>
    private void AnalyzeGoogleApiTarget(ISimpleAssignmentOperation assignment, INamedTypeSymbol type, string url)
    {
        var oauthProperty = TargetShape.OAuthPropertyOf(type);
        if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer
            && initializer.Initializers.Any(member => member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } token
                && (name == TargetShape.OidcProperty || name == oauthProperty) && !OperationText.IsNull(token.Value)))
        {
            return;
        }

        var siblings = InstanceAssignments.Of(assignment);
        if (siblings.ValueOf(TargetShape.OidcProperty) is null && (oauthProperty is null || siblings.ValueOf(oauthProperty) is null))
        {
            _missingTokens.Add(Diagnostic.Create(RuleDescriptors.MissingToken, assignment.Syntax.GetLocation(), UnknownText.Display(url), RuleDescriptors.GoogleApiNeedsOAuth));
        }
    }

    private void AnalyzeToken(in OperationAnalysisContext context, ISimpleAssignmentOperation assignment, TargetShape shape, INamedTypeSymbol type, bool isOidc)
    {
        if (OperationText.IsNull(assignment.Value) || InstanceAssignments.Of(assignment).ValueOf(shape.UrlProperty) is not { } urlOperation)
        {
            return;
        }

        var url = OperationText.Evaluate(urlOperation, Types);
        var kind = TargetHost.Classify(url);
        var rule = isOidc ? TokenRule.ForOidc(kind) : TokenRule.ForOAuth(kind);
        if (rule is null)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var replacement = isOidc ? TargetShape.OAuthPropertyOf(type) : TargetShape.OidcProperty;
        if (replacement is not null)
        {
            properties[DiagnosticPropertyNames.ReplacementProperty] = replacement;
        }

        if (!isOidc && TargetHost.Origin(url) is { } audience)
        {
            properties[DiagnosticPropertyNames.Audience] = audience;
        }

        context.ReportDiagnostic(Diagnostic.Create(rule, assignment.Syntax.GetLocation(), properties.ToImmutable(), UnknownText.Display(url!)));
    }

    private void AnalyzeGrant(ISimpleAssignmentOperation roleAssignment)
    {
        var role = OperationText.Evaluate(roleAssignment.Value, Types);
        if (!InvokerRoles.MayHoldAny(role, InvokerRoles.AnyInvokePermission))
        {
            return;
        }

        var siblings = InstanceAssignments.Of(roleAssignment);
        var target = GrantShape.TargetProperties.Select(siblings.ValueOf).FirstOrDefault(value => value is not null) is { } named
            ? _resources.TryRead(named, Types, out var resource) ? resource : DeploymentUnit.TargetKey(OperationText.Evaluate(named, Types))
            : roleAssignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation binding }
                ? IamPolicyResource.TargetOfBinding(binding, Types)
                : null;
        if (siblings.ValueOf(GrantShape.MemberProperty) is { } member)
        {
            _grants.Add(new InvokerGrant(OperationText.Evaluate(member, Types) ?? UnknownText.Value, role, target));
            return;
        }

        IOperation? members = siblings.ValueOf(GrantShape.MembersProperty) ?? siblings.CollectionOf(GrantShape.MembersProperty);
        var values = members is null ? [UnknownText.Value] : OperationText.EvaluateElements(members, Types);
        foreach (var value in values)
        {
            _grants.Add(new InvokerGrant(value, role, target));
        }
    }

    /// <summary>
    /// The key of the service whose arguments <paramref name="assignment"/> sets a property of: the resource they are
    /// passed to, else the name they give; <see langword="null"/> (every target: can't tell) when neither is known.
    /// </summary>
    private string? ServiceOfArguments(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation arguments }
            && _resources.KeyOfArguments(arguments, Types) is { } key)
        {
            return key;
        }

        return InstanceAssignments.Of(assignment).ValueOf(CSharpDeploymentTypes.DeployedNameProperty) is { } name
            ? DeploymentUnit.TargetKey(OperationText.Evaluate(name, Types))
            : null;
    }

    private string TokenAccount(IOperation token)
    {
        if (OperationText.ResolveLocal(token) is IObjectCreationOperation { Initializer: { } initializer })
        {
            var members = initializer.Initializers;
            for (var i = members.Length - 1; i >= 0; i--)
            {
                if (members[i] is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: ServiceAccountEmail } } email)
                {
                    return OperationText.Evaluate(email.Value, Types) ?? UnknownText.Value;
                }
            }
        }

        return UnknownText.Value;
    }

    private static IOperation Argument(IInvocationOperation invocation, string name, int index) =>
        invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == name)?.Value ?? invocation.Arguments[index].Value;
}
