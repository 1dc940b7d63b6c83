using Microsoft.CodeAnalysis;

namespace Pax.Analyzers.CSharp;

/// <summary>
/// A client-library type that configures an HTTP target with a token: Cloud Scheduler's <c>HttpTarget</c> and Pub/Sub's
/// <c>PushConfig</c> in Google's libraries and in Pulumi.Gcp. Found by metadata name; the packages are not needed.
/// </summary>
internal sealed class TargetShape
{
    /// <summary>Every target type the analyzer knows.</summary>
    public static readonly TargetShape[] Known =
    [
        new("Google.Cloud.Scheduler.V1.HttpTarget", "Cloud Scheduler job", "Uri"),
        new("Google.Apis.CloudScheduler.v1.Data.HttpTarget", "Cloud Scheduler job", "Uri"),
        new("Pulumi.Gcp.CloudScheduler.Inputs.JobHttpTargetArgs", "Cloud Scheduler job", "Uri"),
        new("Google.Cloud.PubSub.V1.PushConfig", "Pub/Sub push subscription", "PushEndpoint"),
        new("Google.Apis.Pubsub.v1.Data.PushConfig", "Pub/Sub push subscription", "PushEndpoint"),
        new("Pulumi.Gcp.PubSub.Inputs.SubscriptionPushConfigArgs", "Pub/Sub push subscription", "PushEndpoint"),
    ];

    /// <summary>The names of the OAuth token property: Google's libraries and Pulumi spell it differently.</summary>
    public static readonly string[] OAuthPropertyNames = ["OAuthToken", "OauthToken"];

    /// <summary>The property holding an OIDC token.</summary>
    public const string OidcProperty = "OidcToken";

    private TargetShape(string metadataName, string source, string urlProperty)
    {
        MetadataName = metadataName;
        Source = source;
        UrlProperty = urlProperty;
    }

    /// <summary>The type's metadata name.</summary>
    public string MetadataName { get; }

    /// <summary>What invokes through this type, for messages.</summary>
    public string Source { get; }

    /// <summary>The property holding the target URL.</summary>
    public string UrlProperty { get; }

    /// <summary>The name of the OAuth token property <paramref name="type"/> has, or <see langword="null"/> (push configs).</summary>
    public static string? OAuthPropertyOf(INamedTypeSymbol type)
    {
        foreach (var name in OAuthPropertyNames)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member.Kind == SymbolKind.Property)
                {
                    return name;
                }
            }
        }

        return null;
    }
}
