using Pax.GoogleCloud.PubSub;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX001, PAX004, PAX103 and PAX002 on push subscriptions, then PAX105 and PAX106 (<see cref="PushDeliveryChecks"/>).
/// A push can only carry an OIDC token (<c>pushConfig.oidcToken</c>; cloud.google.com/pubsub/docs/authenticate-push-subscriptions,
/// FACTS.md 5.4), so a push to a Google API is always PAX001.
/// </summary>
internal static class PushSubscriptionChecks
{
    /// <summary>
    /// Whether the subscription's name is Eventarc's (<c>eventarc-{region}-{trigger}-sub-{n}</c>). The authoritative link is
    /// the trigger's <c>transport.pubsub.subscription</c>; the name also catches the subscription of a trigger in a region
    /// that was not read, so it is not reported on its own either.
    /// </summary>
    public static bool IsEventarcManaged(PubSubSubscription subscription) =>
        ResourceName.Parse(subscription.Name).Id.StartsWith("eventarc-", StringComparison.Ordinal);

    public static IEnumerable<Finding> Check(PubSubSubscription subscription, ProjectInventory inventory)
    {
        if (subscription.PushEndpoint is not { } endpoint)
        {
            yield break;
        }

        var target = TargetResolver.Resolve(endpoint, inventory);
        var name = ResourceName.Parse(subscription.Name);
        var member = subscription.PushServiceAccount is { } account ? $"serviceAccount:{account}" : null;
        if (target.IsGoogleApi)
        {
            yield return new Finding(RuleIds.OidcToGoogleApi, FindingSeverity.Error, subscription.Name, target.Name, member,
                $"Pushes to {endpoint.Host}, a Google API: a push can only carry an OIDC ID token (or none), which Google APIs answer with 401, so every delivery fails.",
                GcloudFixes.PushToService(name));
            yield break;
        }

        if (member is null)
        {
            if (target.Service is { } service && PublicServiceChecks.IsPublic(service) == false)
            {
                yield return new Finding(RuleIds.NoToken, FindingSeverity.Error, subscription.Name, target.Name, null,
                    $"Pushes to the private service {service.Service.Name} without a token: Cloud Run rejects every delivery with 403.",
                    GcloudFixes.PushWithToken(name, endpoint, "SA@PROJECT.iam.gserviceaccount.com"));
            }

            yield break;
        }

        var audience = subscription.PushAudience ?? endpoint.AbsoluteUri;
        if (AudienceCheck.Check(subscription.Name, member, audience, target, GcloudFixes.PushAudience(name, endpoint, subscription.PushServiceAccount!)) is { } wrong)
        {
            yield return wrong;
        }

        if (InvokerCheck.Check(subscription.Name, member, target, inventory) is { } missing)
        {
            yield return missing;
        }
    }
}
