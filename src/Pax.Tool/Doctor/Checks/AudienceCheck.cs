using Pax.GoogleCloud.Run;
using Pax.Tool.Doctor.Findings;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX103: an OIDC token whose audience Cloud Run does not accept. Callers "must provide a valid ID token that includes
/// an audience (aud) claim matching the receiving service's *.run.app URL", or one of the service's custom audiences;
/// "The Google-generated default URL is always an accepted audience value" (cloud.google.com/run/docs/configuring/custom-audiences).
/// A Scheduler job's audience defaults to its URI, a push's to its endpoint URL (cloud.google.com/pubsub/docs/authenticate-push-subscriptions).
/// Only the scheme and host of a URL audience are compared (a path after the service URL is not judged), so what is
/// reported is an audience of another host, or no URL and no custom audience at all — answered 401, every time.
/// Checked only where the call goes to a <c>*.run.app</c> URL of a private service read (PAX101 covers a public one).
/// </summary>
internal static class AudienceCheck
{
    public static Finding? Check(string caller, string? member, string audience, ResolvedTarget target, string fix, FixAction? action = null)
    {
        if (target is not { Kind: TargetKind.CloudRunService, Service: { } state }
            || PublicServiceChecks.IsPublic(state) != false || !state.Service.Urls.Any(u => SameOrigin(u, target.Url)) || IsAccepted(audience, state.Service))
        {
            return null;
        }

        var accepted = string.Join(", ", state.Service.Urls.Select(u => u.GetLeftPart(UriPartial.Authority)).Concat(state.Service.CustomAudiences));
        return new Finding(RuleIds.WrongAudience, FindingSeverity.Error, caller, state.Service.Name, member,
            $"Sends an OIDC token with audience '{audience}', which {state.Service.Name} does not accept (its URLs and custom audiences: {accepted}): Cloud Run answers every call 401 before it reaches the code.",
            fix, action);
    }

    public static bool IsAccepted(string audience, CloudRunService service) =>
        service.CustomAudiences.Contains(audience, StringComparer.Ordinal)
        || (Uri.TryCreate(audience, UriKind.Absolute, out var url) && service.Urls.Any(u => SameOrigin(u, url)));

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
