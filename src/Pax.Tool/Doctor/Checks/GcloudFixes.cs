namespace Pax.Tool.Doctor.Checks;

/// <summary>The gcloud commands that fix each finding (cloud.google.com/sdk/gcloud/reference: scheduler jobs update http, run … add-iam-policy-binding, pubsub subscriptions update).</summary>
internal static class GcloudFixes
{
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>Switches a Scheduler job to an OAuth token (for Google APIs).</summary>
    public static string UseOAuth(ResourceName job, string serviceAccount) =>
        $"gcloud scheduler jobs update http {job.Id} --project={job.Project} --location={job.Location} --oauth-service-account-email={serviceAccount} --oauth-token-scope={CloudPlatformScope}";

    /// <summary>Switches a Scheduler job to an OIDC token whose audience is the service URL (for Cloud Run).</summary>
    public static string UseOidc(ResourceName job, string serviceAccount, Uri url) =>
        $"gcloud scheduler jobs update http {job.Id} --project={job.Project} --location={job.Location} --oidc-service-account-email={serviceAccount} --oidc-token-audience={url.GetLeftPart(UriPartial.Authority)}";

    /// <summary>Grants <c>roles/run.invoker</c> on a service or job.</summary>
    public static string GrantInvoker(ResourceName target, string member) =>
        $"gcloud run {target.Collection} add-iam-policy-binding {target.Id} --project={target.Project} --region={target.Location} --member={member} --role=roles/run.invoker";

    /// <summary>Removes a public member's binding from a service.</summary>
    public static string RemovePublicBinding(ResourceName service, string member, string role) =>
        $"gcloud run services remove-iam-policy-binding {service.Id} --project={service.Project} --region={service.Location} --member={member} --role={role}";

    /// <summary>Turns the invoker IAM check back on.</summary>
    public static string EnableInvokerCheck(ResourceName service) =>
        $"gcloud run services update {service.Id} --project={service.Project} --region={service.Location} --invoker-iam-check";

    /// <summary>Makes a push subscription send an OIDC token of a service account.</summary>
    public static string PushWithToken(ResourceName subscription, string serviceAccount) =>
        $"gcloud pubsub subscriptions update {subscription.Id} --project={subscription.Project} --push-auth-service-account={serviceAccount}";

    /// <summary>Points a push subscription at a service that calls the Google API itself (a push cannot send OAuth).</summary>
    public static string PushToService(ResourceName subscription) =>
        $"gcloud pubsub subscriptions update {subscription.Id} --project={subscription.Project} --push-endpoint=https://SERVICE-URL/PATH  # a Cloud Run service that calls the Google API with its own OAuth token";
}
