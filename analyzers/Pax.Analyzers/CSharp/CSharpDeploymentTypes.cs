using Microsoft.CodeAnalysis;
using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// The Google Cloud and Pulumi types of one compilation that the C# analyzer looks at, resolved once by metadata name.
/// </summary>
internal sealed class CSharpDeploymentTypes
{
    /// <summary>The property of <c>Pulumi.Gcp.CloudRunV2.ServiceArgs</c> that makes a service public.</summary>
    public const string InvokerIamDisabledProperty = "InvokerIamDisabled";

    /// <summary>The property of the Pulumi service and function arguments that names what they deploy.</summary>
    public const string DeployedNameProperty = "Name";

    /// <summary>
    /// The Pulumi arguments that deploy a Cloud Run service (no generation) or a function (its generation):
    /// <c>Gcp.CloudFunctions.Function</c> is 1st gen, <c>Gcp.CloudFunctionsV2.Function</c> 2nd gen
    /// (https://www.pulumi.com/registry/packages/gcp/api-docs/cloudfunctions/function/,
    /// https://www.pulumi.com/registry/packages/gcp/api-docs/cloudfunctionsv2/function/).
    /// </summary>
    private static readonly (string MetadataName, FunctionGeneration? Generation)[] DeployingArguments =
    [
        ("Pulumi.Gcp.CloudRunV2.ServiceArgs", null),
        ("Pulumi.Gcp.CloudRun.ServiceArgs", null),
        ("Pulumi.Gcp.CloudFunctions.FunctionArgs", FunctionGeneration.First),
        ("Pulumi.Gcp.CloudFunctionsV2.FunctionArgs", FunctionGeneration.Second),
    ];

    /// <summary>The Pulumi resources whose outputs (<c>Name</c>, <c>Uri</c>/<c>Url</c>) name a service or function.</summary>
    private static readonly (string MetadataName, FunctionGeneration? Generation)[] DeployedResources =
    [
        ("Pulumi.Gcp.CloudRunV2.Service", null),
        ("Pulumi.Gcp.CloudRun.Service", null),
        ("Pulumi.Gcp.CloudFunctions.Function", FunctionGeneration.First),
        ("Pulumi.Gcp.CloudFunctionsV2.Function", FunctionGeneration.Second),
    ];

    /// <summary>The names of every property whose assignment the analyzer reads, on any of the types.</summary>
    private static readonly HashSet<string> ConfiguringProperties = CreateConfiguringProperties();

    private readonly Dictionary<INamedTypeSymbol, TargetShape> _targets;
    private readonly HashSet<INamedTypeSymbol> _grants;
    private readonly Dictionary<INamedTypeSymbol, string> _cloudRunUrlProperties;
    private readonly Dictionary<INamedTypeSymbol, FunctionGeneration?> _deploying;
    private readonly Dictionary<INamedTypeSymbol, FunctionGeneration?> _resources;

    private CSharpDeploymentTypes(
        Dictionary<INamedTypeSymbol, TargetShape> targets,
        HashSet<INamedTypeSymbol> grants,
        Dictionary<INamedTypeSymbol, string> cloudRunUrlProperties,
        Dictionary<INamedTypeSymbol, FunctionGeneration?> deploying,
        Dictionary<INamedTypeSymbol, FunctionGeneration?> resources,
        INamedTypeSymbol? iamPolicy,
        INamedTypeSymbol? cloudRunServiceArgs,
        INamedTypeSymbol? pulumiOutput)
    {
        _targets = targets;
        _grants = grants;
        _cloudRunUrlProperties = cloudRunUrlProperties;
        _deploying = deploying;
        _resources = resources;
        IamPolicy = iamPolicy;
        CloudRunServiceArgs = cloudRunServiceArgs;
        PulumiOutput = pulumiOutput;
    }

    /// <summary><c>Google.Cloud.Iam.V1.Policy</c> (its <c>AddRoleMember</c> grants), if referenced.</summary>
    public INamedTypeSymbol? IamPolicy { get; }

    /// <summary><c>Pulumi.Gcp.CloudRunV2.ServiceArgs</c> (its <c>InvokerIamDisabled</c> makes a service public), if referenced.</summary>
    public INamedTypeSymbol? CloudRunServiceArgs { get; }

    /// <summary><c>Pulumi.Output</c> (its <c>Format</c> builds URLs), if referenced.</summary>
    public INamedTypeSymbol? PulumiOutput { get; }

    /// <summary>
    /// The types of <paramref name="compilation"/>, or <see langword="null"/> when it references no target type
    /// (then the analyzer reports nothing).
    /// </summary>
    public static CSharpDeploymentTypes? Create(Compilation compilation)
    {
        var targets = new Dictionary<INamedTypeSymbol, TargetShape>(SymbolEqualityComparer.Default);
        foreach (var shape in TargetShape.Known)
        {
            if (compilation.GetTypeByMetadataName(shape.MetadataName) is { } type)
            {
                targets[type] = shape;
            }
        }

        if (targets.Count == 0)
        {
            return null;
        }

        var grants = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var shape in GrantShape.Known)
        {
            if (compilation.GetTypeByMetadataName(shape.MetadataName) is { } type)
            {
                grants.Add(type);
            }
        }

        var urls = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        AddUrlProperty(compilation, urls, "Pulumi.Gcp.CloudRunV2.Service", "Uri");
        AddUrlProperty(compilation, urls, "Pulumi.Gcp.CloudFunctionsV2.Function", "Url");
        return new CSharpDeploymentTypes(
            targets,
            grants,
            urls,
            ByMetadataName(compilation, DeployingArguments),
            ByMetadataName(compilation, DeployedResources),
            compilation.GetTypeByMetadataName("Google.Cloud.Iam.V1.Policy"),
            compilation.GetTypeByMetadataName("Pulumi.Gcp.CloudRunV2.ServiceArgs"),
            compilation.GetTypeByMetadataName("Pulumi.Output"));
    }

    /// <summary>
    /// Whether an assignment to a property named <paramref name="propertyName"/> can matter: a test on the name alone,
    /// made before any symbol is looked at.
    /// </summary>
    public static bool MayConfigure(string propertyName) => ConfiguringProperties.Contains(propertyName);

    /// <summary>The target shape of <paramref name="type"/>, or <see langword="null"/>.</summary>
    public TargetShape? TargetOf(INamedTypeSymbol type) =>
        _targets.TryGetValue(type.OriginalDefinition, out var shape) ? shape : null;

    /// <summary>Whether <paramref name="type"/> grants a role to members.</summary>
    public bool IsGrant(INamedTypeSymbol type) => _grants.Contains(type.OriginalDefinition);

    /// <summary>
    /// Whether <paramref name="type"/> deploys a service or function; <paramref name="generation"/> is the function's
    /// generation, <see langword="null"/> for a Cloud Run service.
    /// </summary>
    public bool IsDeploying(INamedTypeSymbol type, out FunctionGeneration? generation) =>
        _deploying.TryGetValue(type.OriginalDefinition, out generation);

    /// <summary>
    /// Whether the compilation references a Pulumi service or function resource whose URL output can be read: without
    /// one, no URL is looked at for such a read (the common case costs nothing more).
    /// </summary>
    public bool HasUrlOutputs => _cloudRunUrlProperties.Count > 0;

    /// <summary>
    /// Whether <paramref name="type"/> is a Pulumi service or function resource; <paramref name="generation"/> is the
    /// function's generation, <see langword="null"/> for a Cloud Run service.
    /// </summary>
    public bool IsDeployedResource(INamedTypeSymbol type, out FunctionGeneration? generation) =>
        _resources.TryGetValue(type.OriginalDefinition, out generation);

    /// <summary>Whether <paramref name="property"/> is the URL of a Cloud Run service or function (Pulumi outputs).</summary>
    public bool IsCloudRunUrl(IPropertySymbol property) =>
        property.ContainingType is { } type
        && _cloudRunUrlProperties.TryGetValue(type.OriginalDefinition, out var name)
        && name == property.Name;

    private static HashSet<string> CreateConfiguringProperties()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            TargetShape.OidcProperty, GrantShape.RoleProperty, InvokerIamDisabledProperty, DeployedNameProperty,
        };
        names.UnionWith(TargetShape.OAuthPropertyNames);
        foreach (var shape in TargetShape.Known)
        {
            names.Add(shape.UrlProperty);
        }

        return names;
    }

    private static Dictionary<INamedTypeSymbol, FunctionGeneration?> ByMetadataName(
        Compilation compilation, (string MetadataName, FunctionGeneration? Generation)[] types)
    {
        var found = new Dictionary<INamedTypeSymbol, FunctionGeneration?>(SymbolEqualityComparer.Default);
        foreach (var (name, generation) in types)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                found[type] = generation;
            }
        }

        return found;
    }

    private static void AddUrlProperty(Compilation compilation, Dictionary<INamedTypeSymbol, string> urls, string type, string property)
    {
        if (compilation.GetTypeByMetadataName(type) is { } symbol)
        {
            urls[symbol] = property;
        }
    }
}
