using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor.SampleDeployments;

/// <summary>
/// The repository's own deployment is clean: the three samples' <c>deploy/deploy.sh</c> — the orchestrator, the
/// collector, a processor the orchestrator runs — are run with a stand-in gcloud (<see cref="RecordedGcloud"/>), the
/// project is seeded with exactly what their calls create (<see cref="GcloudDeployment"/>), and <c>pax doctor</c> finds
/// nothing wrong in it, on a first deploy and on a redeploy that updates what exists.
/// </summary>
public sealed class SampleDeployScriptsDoctorTests
{
    private const string ProjectNumber = "123456789012";
    private const string OrchestratorScript = "samples/Pax.Orchestrator.Function/deploy/deploy.sh";
    private const string CollectorScript = "samples/Pax.Collector.Job/deploy/deploy.sh";
    private const string ProcessorScript = "samples/Pax.Processor/deploy/deploy.sh";
    private const string Service = "projects/pax-demo/locations/us-east1/services/pax-orchestrator";
    private const string PushSubscriptionName = "projects/pax-demo/subscriptions/pax-orchestrator-push";
    private const string PubSubAgent = $"serviceAccount:service-{ProjectNumber}@gcp-sa-pubsub.iam.gserviceaccount.com";
    private static readonly Uri ServiceUrl = new($"https://pax-orchestrator-{ProjectNumber}.us-east1.run.app");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task What_the_samples_deploy_scripts_create_is_a_project_pax_doctor_finds_nothing_wrong_in(bool redeploy)
    {
        var deployment = new GcloudDeployment();
        foreach (var existing in redeploy ? new[] { false, true } : [false])
        {
            deployment.Apply(await RecordedGcloud.RunAsync(OrchestratorScript, ServiceUrl, ProjectNumber, existing, ("PROJECT", Project)));
            deployment.Apply(await RecordedGcloud.RunAsync(CollectorScript, ServiceUrl, ProjectNumber, existing, ("PROJECT", Project), ("BUCKET", "pax-demo-snapshots")));
            deployment.Apply(await RecordedGcloud.RunAsync(
                ProcessorScript, ServiceUrl, ProjectNumber, existing, ("PROJECT", Project), ("PROCESSOR", "a"), ("TRIGGER_SA", $"pax-orchestrator-runtime@{Project}.iam.gserviceaccount.com")));
        }

        await using var project = await StartAsync();
        deployment.SeedInto(project, ServiceUrl);

        var (code, report, error) = await project.ReportAsync();

        Assert.Equal(string.Empty, error);
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
        Assert.Empty(report.GetProperty("incomplete").EnumerateArray());
        Assert.Equal(0, code);
        var checkedCounts = report.GetProperty("checked"); // it did read all of it: nothing clean by omission
        Assert.Equal((3, 1, 1, 2), (checkedCounts.GetProperty("schedulerJobs").GetInt32(), checkedCounts.GetProperty("pushSubscriptions").GetInt32(),
            checkedCounts.GetProperty("services").GetInt32(), checkedCounts.GetProperty("jobs").GetInt32()));
    }

    [Fact]
    public async Task The_orchestrators_Scheduler_jobs_wait_as_long_as_its_request_timeout_and_its_push_has_a_whole_dead_letter_setup()
    {
        var deployment = new GcloudDeployment();
        deployment.Apply(await RecordedGcloud.RunAsync(OrchestratorScript, ServiceUrl, ProjectNumber, existing: false, ("PROJECT", Project)));

        // PAX104: both jobs give up no sooner than the service may take (the script sets the service's timeout explicitly).
        var timeout = deployment.ServiceTimeouts[Service];
        foreach (var job in new[] { "pax-orchestrator-cron-tick", "pax-orchestrator-watchdog" })
        {
            Assert.Equal(timeout, (string?)deployment.SchedulerJobs[$"projects/{Project}/locations/{Region}/jobs/{job}"]["attemptDeadline"]);
        }

        // PAX106, and what it takes for dead-lettering to work (cloud.google.com/pubsub/docs/handling-failures): the topic,
        // a subscription on it, the Pub/Sub service agent as publisher on the topic and subscriber on the push subscription.
        var deadLetter = (string)deployment.Subscriptions[PushSubscriptionName]["deadLetterPolicy"]!["deadLetterTopic"]!;
        Assert.Contains(deadLetter, deployment.Topics);
        Assert.Contains(deployment.Subscriptions.Values, s => (string?)s["topic"] == deadLetter);
        Assert.Contains(PubSubAgent, deployment.Members(deadLetter, "roles/pubsub.publisher"));
        Assert.Contains(PubSubAgent, deployment.Members(PushSubscriptionName, "roles/pubsub.subscriber"));
    }
}
