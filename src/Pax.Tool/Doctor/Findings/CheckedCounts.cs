namespace Pax.Tool.Doctor.Findings;

/// <summary>The <c>checked</c> object of the report: how many resources of each kind were read.</summary>
/// <param name="Regions">Regions read.</param>
/// <param name="SchedulerJobs">Cloud Scheduler jobs checked.</param>
/// <param name="Subscriptions">Pub/Sub subscriptions read.</param>
/// <param name="PushSubscriptions">Push subscriptions checked.</param>
/// <param name="EventarcTriggers">Eventarc triggers checked.</param>
/// <param name="EventarcManagedSubscriptions">Push subscriptions Eventarc manages: checked on their trigger, not on their own.</param>
/// <param name="Services">Cloud Run services checked (their IAM policy read).</param>
/// <param name="Jobs">Cloud Run jobs read (their IAM policy read).</param>
/// <param name="Functions">Cloud Functions read (their URLs mapped to the Cloud Run service that serves them).</param>
/// <param name="ProjectIamPolicy">1 when the project's IAM policy was read, else 0.</param>
/// <param name="AncestorIamPolicies">IAM policies of the project's folders and organization read (grants there are inherited).</param>
/// <param name="LiveEvidence">Resources whose live state was read (Scheduler attempts, push answers and backlog, job executions).</param>
internal sealed record CheckedCounts(
    int Regions, int SchedulerJobs, int Subscriptions, int PushSubscriptions, int EventarcTriggers, int EventarcManagedSubscriptions, int Services, int Jobs, int Functions,
    int ProjectIamPolicy, int AncestorIamPolicies = 0, int LiveEvidence = 0);
