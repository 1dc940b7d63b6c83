using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Scheduler;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// PAX001, PAX003, PAX004, PAX103, PAX104 and PAX002 on Cloud Scheduler HTTP jobs: the token must suit the target
/// (cloud.google.com/scheduler/docs/http-target-auth: "OAuth … should generally only be used when calling Google
/// APIs hosted on *.googleapis.com"; OIDC for other targets, Cloud Run included; FACTS.md 4.2) and name an audience
/// Cloud Run accepts, the job must wait as long as the service may take, and the job's service account must be allowed
/// to call it — with <c>run.jobs.runWithOverrides</c> when the body (<c>httpTarget.body</c>) carries overrides.
/// </summary>
internal static class SchedulerJobChecks
{
    // "For HTTP targets, the default is 3 minutes" (projects.locations.jobs#Job.attemptDeadline).
    private static readonly TimeSpan DefaultAttemptDeadline = TimeSpan.FromMinutes(3);

    // "The deadline must be in the interval [15 seconds, 30 minutes]".
    private static readonly TimeSpan MaxAttemptDeadline = TimeSpan.FromMinutes(30);

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
        if (TokenFinding(job, target, name, account, member) is { } token)
        {
            yield return token;
        }

        if (job.TokenKind == SchedulerTokenKind.Oidc && account is not null
            && AudienceCheck.Check(job.Name, member, job.OidcAudience ?? job.Uri.AbsoluteUri, target, GcloudFixes.UseOidc(name, account, job.Uri), OidcFix(job, account, target)) is { } audience)
        {
            yield return audience;
        }

        if (DeadlineFinding(job, target, name) is { } deadline)
        {
            yield return deadline;
        }

        var overrides = target.Kind == TargetKind.CloudRunJobRun && RunJobRequestBody.HasOverrides(job.Body);
        if (member is not null && InvokerCheck.Check(job.Name, member, target, inventory, overrides) is { } missing)
        {
            yield return missing;
        }
    }

    private static Finding? TokenFinding(SchedulerJob job, ResolvedTarget target, ResourceName name, string? account, string? member)
    {
        if (job.TokenKind == SchedulerTokenKind.Oidc && target.IsGoogleApi)
        {
            return new Finding(RuleIds.OidcToGoogleApi, FindingSeverity.Error, job.Name, target.Name, member,
                $"Sends an OIDC ID token to {job.Uri!.Host}: Google APIs take OAuth access tokens and answer an ID token with 401, so every run fails.",
                GcloudFixes.UseOAuth(name, account!), new FixAction(FixKind.UseOAuth, job.Name, account!, GcloudFixes.CloudPlatformScope));
        }

        if (job.TokenKind == SchedulerTokenKind.OAuth && target.IsRunUrl)
        {
            return new Finding(RuleIds.OAuthToRunService, FindingSeverity.Error, job.Name, target.Name, member,
                $"Sends an OAuth access token to {job.Uri!.Host}: Cloud Run and Cloud Functions authenticate ID tokens (OIDC) with the service URL as audience.",
                GcloudFixes.UseOidc(name, account!, job.Uri), OidcFix(job, account!, target));
        }

        if (job.TokenKind is null && NeedsToken(target))
        {
            var fix = target.IsGoogleApi
                ? GcloudFixes.UseOAuth(name, "SA@PROJECT.iam.gserviceaccount.com")
                : GcloudFixes.UseOidc(name, "SA@PROJECT.iam.gserviceaccount.com", job.Uri!);
            return new Finding(RuleIds.NoToken, FindingSeverity.Error, job.Name, target.Name, null,
                $"Calls {job.Uri!.Host} without a token, which {(target.IsGoogleApi ? "a Google API" : "a private Cloud Run service")} answers with 401/403.", fix);
        }

        return null;
    }

    // PAX104: "If the request handler does not respond by this deadline then the request is cancelled and the attempt is
    // marked as a DEADLINE_EXCEEDED failure … Cloud Scheduler will retry the job according to the RetryConfig"
    // (projects.locations.jobs#Job.attemptDeadline), while the service goes on for up to its request timeout
    // (cloud.google.com/run/docs/configuring/request-timeout).
    private static Finding? DeadlineFinding(SchedulerJob job, ResolvedTarget target, ResourceName name)
    {
        var deadline = job.AttemptDeadline ?? DefaultAttemptDeadline;
        if (target.Service is not { Service.RequestTimeout: { } timeout } service || deadline >= timeout || deadline >= MaxAttemptDeadline)
        {
            return null;
        }

        var wanted = timeout < MaxAttemptDeadline ? timeout : MaxAttemptDeadline;
        return new Finding(RuleIds.AttemptDeadlineTooShort, FindingSeverity.Warning, job.Name, service.Service.Name, null,
            $"Cloud Scheduler gives up after {(long)deadline.TotalSeconds} s (attemptDeadline{(job.AttemptDeadline is null ? ", the default" : string.Empty)}) but {service.Service.Name} may take up to {(long)timeout.TotalSeconds} s (its request timeout): "
            + "a run that takes longer is recorded as DEADLINE_EXCEEDED and retried by its retryConfig while the first request still runs.",
            GcloudFixes.AttemptDeadline(name, wanted));
    }

    // Only a *.run.app URL has a known audience (the service URL's origin); a function URL's audience is a decision.
    private static FixAction? OidcFix(SchedulerJob job, string account, ResolvedTarget target) =>
        target.Kind is TargetKind.CloudRunService or TargetKind.UnknownCloudRunService && job.Uri!.Host.EndsWith(".run.app", StringComparison.OrdinalIgnoreCase)
            ? new FixAction(FixKind.UseOidc, job.Name, account, job.Uri.GetLeftPart(UriPartial.Authority))
            : null;

    private static bool NeedsToken(ResolvedTarget target) =>
        target.IsGoogleApi || (target.Service is { } service && PublicServiceChecks.IsPublic(service) == false);
}
