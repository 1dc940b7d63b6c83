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

    /// <summary>Grants a role (<c>roles/run.invoker</c>, <c>roles/run.jobsExecutorWithOverrides</c>) on a service or job.</summary>
    public static string GrantRole(ResourceName target, string member, string role) =>
        $"gcloud run {target.Collection} add-iam-policy-binding {target.Id} --project={target.Project} --region={target.Location} --member={member} --role={role}";

    /// <summary>Shows the IAM policies of the project and its folders and organization, to look for an inherited grant before granting.</summary>
    public static string InspectAncestors(string project, string member, string permission, string grant) =>
        $"gcloud projects get-ancestors-iam-policy {project}  # look for {member} in a role with {permission}; only if none holds it: {grant}";

    /// <summary>
    /// Sets the audience of a push subscription's OIDC token to the service URL. "When updating PushConfig flags, all
    /// PushConfig flags must be specified. Otherwise, any omitted PushConfig flags revert to their default value"
    /// (gcloud pubsub subscriptions update), so the endpoint and the account are given again.
    /// </summary>
    public static string PushAudience(ResourceName subscription, Uri endpoint, string serviceAccount) =>
        $"gcloud pubsub subscriptions update {subscription.Id} --project={subscription.Project} --push-endpoint={endpoint.AbsoluteUri} --push-auth-service-account={serviceAccount} --push-auth-token-audience={endpoint.GetLeftPart(UriPartial.Authority)}";

    /// <summary>Sets a Scheduler job's attempt deadline.</summary>
    public static string AttemptDeadline(ResourceName job, TimeSpan deadline) =>
        $"gcloud scheduler jobs update http {job.Id} --project={job.Project} --location={job.Location} --attempt-deadline={(long)deadline.TotalSeconds}s";

    /// <summary>Sets a subscription's ack deadline.</summary>
    public static string AckDeadline(ResourceName subscription, int seconds) =>
        $"gcloud pubsub subscriptions update {subscription.Id} --project={subscription.Project} --ack-deadline={seconds}";

    /// <summary>
    /// Gives a subscription a dead-letter policy, the whole of it (cloud.google.com/pubsub/docs/handling-failures;
    /// DeadLetterPolicy.deadLetterTopic in cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions): the
    /// topic ("The operation will fail if the topic does not exist"), a subscription on it ("messages published to a topic
    /// with no subscriptions are lost"), the project's Pub/Sub service agent
    /// (<c>service-{project_number}@gcp-sa-pubsub.iam.gserviceaccount.com</c>, which "must have permission to Publish() to
    /// this topic") as publisher on the topic and as subscriber on the subscription (to acknowledge what it forwards), then
    /// the policy. One command per line, joined by <c>&amp;&amp;</c> so that a failed step stops the rest.
    /// </summary>
    public static string DeadLetter(ResourceName subscription)
    {
        var (id, project) = (subscription.Id, subscription.Project);
        var topic = $"{id}-dead-letter";
        const string Agent = "--member=\"serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com\"";
        return string.Join(
            " &&\n",
            $"PROJECT_NUMBER=\"$(gcloud projects describe {project} --format='value(projectNumber)')\"",
            $"gcloud pubsub topics create {topic} --project={project}",
            $"gcloud pubsub subscriptions create {topic} --project={project} --topic={topic}",
            $"gcloud pubsub topics add-iam-policy-binding {topic} --project={project} {Agent} --role=roles/pubsub.publisher",
            $"gcloud pubsub subscriptions add-iam-policy-binding {id} --project={project} {Agent} --role=roles/pubsub.subscriber",
            $"gcloud pubsub subscriptions update {id} --project={project} --dead-letter-topic={topic} --max-delivery-attempts=5");
    }

    /// <summary>Removes a public member's binding from a service.</summary>
    public static string RemovePublicBinding(ResourceName service, string member, string role) =>
        $"gcloud run services remove-iam-policy-binding {service.Id} --project={service.Project} --region={service.Location} --member={member} --role={role}";

    /// <summary>Turns the invoker IAM check back on.</summary>
    public static string EnableInvokerCheck(ResourceName service) =>
        $"gcloud run services update {service.Id} --project={service.Project} --region={service.Location} --invoker-iam-check";

    /// <summary>Makes a push subscription send an OIDC token of a service account (the endpoint given again: omitted push flags revert to their defaults).</summary>
    public static string PushWithToken(ResourceName subscription, Uri endpoint, string serviceAccount) =>
        $"gcloud pubsub subscriptions update {subscription.Id} --project={subscription.Project} --push-endpoint={endpoint.AbsoluteUri} --push-auth-service-account={serviceAccount}";

    /// <summary>Points a push subscription at a service that calls the Google API itself (a push cannot send OAuth).</summary>
    public static string PushToService(ResourceName subscription) =>
        $"gcloud pubsub subscriptions update {subscription.Id} --project={subscription.Project} --push-endpoint=https://SERVICE-URL/PATH  # a Cloud Run service that calls the Google API with its own OAuth token";
}
