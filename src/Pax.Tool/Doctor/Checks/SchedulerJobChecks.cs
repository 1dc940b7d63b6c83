using Pax.GoogleCloud.Scheduler;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX001, PAX003, PAX004 and PAX002 on Cloud Scheduler HTTP jobs: the token must suit the target
/// (cloud.google.com/scheduler/docs/http-target-auth: "OAuth … should generally only be used when calling Google
/// APIs hosted on *.googleapis.com"; OIDC for other targets, Cloud Run included; FACTS.md 4.2), and the job's
/// service account must be allowed to call it.
/// </summary>
internal static class SchedulerJobChecks
{
    public static IEnumerable<Finding> Check(SchedulerJob job, ProjectInventory inventory)
    {
        if (job.Uri is null)
        {
            yield break; // a Pub/Sub or App Engine target: no HTTP token to check.
        }

        var target = TargetResolver.Resolve(job.Uri, inventory);
        var name = ResourceName.Parse(job.Name);
        var account = job.ServiceAccountEmail;
        var member = account is null ? null : $"serviceAccount:{account}";
        if (job.TokenKind == SchedulerTokenKind.Oidc && target.IsGoogleApi)
        {
            yield return new Finding(RuleIds.OidcToGoogleApi, FindingSeverity.Error, job.Name, target.Name, member,
                $"Sends an OIDC ID token to {job.Uri.Host}: Google APIs take OAuth access tokens and answer an ID token with 401, so every run fails.",
                GcloudFixes.UseOAuth(name, account!), new FixAction(FixKind.UseOAuth, job.Name, account!, GcloudFixes.CloudPlatformScope));
        }
        else if (job.TokenKind == SchedulerTokenKind.OAuth && target.IsRunUrl)
        {
            yield return new Finding(RuleIds.OAuthToRunService, FindingSeverity.Error, job.Name, target.Name, member,
                $"Sends an OAuth access token to {job.Uri.Host}: Cloud Run and Cloud Functions authenticate ID tokens (OIDC) with the service URL as audience.",
                GcloudFixes.UseOidc(name, account!, job.Uri), OidcFix(job, account!, target));
        }
        else if (job.TokenKind is null && NeedsToken(target))
        {
            var fix = target.IsGoogleApi
                ? GcloudFixes.UseOAuth(name, "SA@PROJECT.iam.gserviceaccount.com")
                : GcloudFixes.UseOidc(name, "SA@PROJECT.iam.gserviceaccount.com", job.Uri);
            yield return new Finding(RuleIds.NoToken, FindingSeverity.Error, job.Name, target.Name, null,
                $"Calls {job.Uri.Host} without a token, which {(target.IsGoogleApi ? "a Google API" : "a private Cloud Run service")} answers with 401/403.", fix);
        }

        if (member is not null && InvokerCheck.Check(job.Name, member, target, inventory) is { } missing)
        {
            yield return missing;
        }
    }

    // Only a *.run.app URL has a known audience (the service URL's origin); a function URL's audience is a decision.
    private static FixAction? OidcFix(SchedulerJob job, string account, ResolvedTarget target) =>
        target.Kind is TargetKind.CloudRunService or TargetKind.UnknownCloudRunService && job.Uri!.Host.EndsWith(".run.app", StringComparison.OrdinalIgnoreCase)
            ? new FixAction(FixKind.UseOidc, job.Name, account, job.Uri.GetLeftPart(UriPartial.Authority))
            : null;

    private static bool NeedsToken(ResolvedTarget target) =>
        target.IsGoogleApi || (target.Service is { } service && PublicServiceChecks.IsPublic(service) == false);
}
