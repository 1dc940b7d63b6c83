using System.Globalization;
using Microsoft.CodeAnalysis;
using Pax.Analyzers.Deployment;
using Pax.Analyzers.Scripts;
using Pax.GoogleCloud.Deployment;
using Pax.Orchestration.Deployment;

namespace Pax.Analyzers.Tests.Scripts;

/// <summary>
/// The samples' deploy scripts, read the way PAX001-PAX004 read them at build time, must configure Cloud Scheduler exactly
/// as Pax's helpers would (<see cref="SchedulerTarget"/>, <see cref="CronTickDeployment"/>) and grant the callers they need.
/// The script's unknowns are pinned: the project as if given in the environment, the service URL as gcloud would print it.
/// </summary>
public sealed class SampleDeployScriptsTests
{
    private const string Project = "my-project";
    private const string ServiceHostLabel = "pax-orchestrator-abc123-ue.a";
    private const string CollectorScript = "samples/Pax.Collector.Job/deploy/deploy.sh";
    private const string OrchestratorScript = "samples/Pax.Orchestrator.Function/deploy/deploy.sh";

    [Fact]
    public void The_collector_job_is_run_with_the_URI_and_OAuth_token_SchedulerTarget_CloudRunJob_builds()
    {
        var script = ReadScript(CollectorScript, ("PROJECT", Project), ("BUCKET", "my-bucket"));
        var job = script.SchedulerJob("pax-collector-every-30-min");

        var target = SchedulerTarget.CloudRunJob(Project, "us-east1", "pax-collector", $"pax-collector-scheduler@{Project}.iam.gserviceaccount.com");

        Assert.Equal(target.Uri.AbsoluteUri, job.Flag("uri")?.Value);
        Assert.Equal(target.HttpMethod.Method, job.Flag("http-method")?.Value);
        Assert.Equal(target.ServiceAccountEmail, job.Flag("oauth-service-account-email")?.Value);
        Assert.Equal(target.OAuthScope, job.Flag("oauth-token-scope")?.Value);
        Assert.False(job.Has("oidc-service-account-email"));
        Assert.Empty(script.Findings);
    }

    [Fact]
    public void The_orchestrator_tick_job_is_what_CronTickDeployment_builds_with_an_OIDC_token_for_the_service_URL()
    {
        var script = ReadScript(OrchestratorScript, ("PROJECT", Project));
        var job = script.SchedulerJob("pax-orchestrator-cron-tick");
        var serviceUrl = new Uri($"https://{ServiceHostLabel}.run.app");
        var definition = new CronTickDeployment
        {
            Project = Project,
            Region = "us-east1",
            Service = "pax-orchestrator",
            ServiceUrl = serviceUrl,
            SchedulerServiceAccount = $"pax-orchestrator-scheduler@{Project}.iam.gserviceaccount.com",
            // AttemptDeadline by default: 300 s, as long as the service's request timeout, which the script sets.
        }.ToJobDefinition();

        Assert.Equal(definition.JobId, job.Argument(4));
        Assert.Equal(definition.Schedule, job.Flag("schedule")?.Value);
        Assert.Equal(definition.TimeZone, job.Flag("time-zone")?.Value);
        Assert.Equal(definition.Description, job.Flag("description")?.Value);
        Assert.Equal(definition.Target.Uri.AbsoluteUri, Known(job.Flag("uri")?.Value));
        Assert.Equal(definition.Target.HttpMethod.Method, job.Flag("http-method")?.Value);
        Assert.Equal(definition.Target.ServiceAccountEmail, job.Flag("oidc-service-account-email")?.Value);
        Assert.Equal(definition.Target.OidcAudience, Known(job.Flag("oidc-token-audience")?.Value));
        Assert.False(job.Has("oauth-service-account-email"));
        Assert.Equal(((long)definition.AttemptDeadline!.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s", job.Flag("attempt-deadline")?.Value);
        Assert.Equal(job.Flag("attempt-deadline")?.Value, script.Commands.Single(c => c.Is("run", "deploy")).Flag("timeout")?.Value);
        var byHelper = SchedulerTarget.Service(new Uri(Known(job.Flag("uri")?.Value)!), definition.Target.ServiceAccountEmail);
        Assert.Equal(byHelper.OidcAudience, Known(job.Flag("oidc-token-audience")?.Value));
        Assert.Equal(serviceUrl.GetLeftPart(UriPartial.Authority), byHelper.OidcAudience);
        Assert.Empty(script.Findings);
    }

    [Fact]
    public void The_orchestrator_script_grants_the_tick_jobs_caller_roles_run_invoker()
    {
        var script = ReadScript(OrchestratorScript, ("PROJECT", Project));

        Assert.Contains(script.Unit.Invocations, i => i.Source == "Cloud Scheduler job 'pax-orchestrator-cron-tick'"
            && i.Account == $"pax-orchestrator-scheduler@{Project}.iam.gserviceaccount.com");
        Assert.Empty(script.Unit.UngrantedInvocations());
    }

    [Fact]
    public void Without_the_scheduler_accounts_grant_the_tick_job_would_be_PAX002()
    {
        var script = ReadScript(OrchestratorScript, ("PROJECT", Project));
        const string Grant = "--member=\"serviceAccount:${SCHEDULER_SA}\" --role=roles/run.invoker";
        Assert.Contains(Grant, script.Text, StringComparison.Ordinal);

        var withoutGrant = Read(script.Text.Replace(Grant, "--member=\"serviceAccount:${SCHEDULER_SA}\" --role=roles/run.viewer", StringComparison.Ordinal));

        Assert.Contains(withoutGrant.Unit.UngrantedInvocations(), i => i.Invocation.Source == "Cloud Scheduler job 'pax-orchestrator-cron-tick'");
    }

    /// <summary>The service URL as gcloud prints it; the script shows only that it is pax-orchestrator's.</summary>
    private static string? Known(string? value) => value?.Replace("pax-orchestrator-" + UnknownText.Value, ServiceHostLabel, StringComparison.Ordinal);

    private static ReadScriptResult ReadScript(string relativePath, params (string Name, string Value)[] environment)
    {
        var assignments = string.Concat(environment.Select(e => $"{e.Name}={e.Value}\n"));
        return Read(assignments + File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath)));
    }

    private static ReadScriptResult Read(string text)
    {
        var script = ShellScriptReader.Read(text);
        Assert.Null(script.Failure);
        var findings = new List<TokenFinding>();
        var unit = new DeploymentUnit();
        GcloudDeploymentReader.Read(script, _ => Location.None, findings, unit);
        var commands = script.Commands.Select(GcloudCommand.From).OfType<GcloudCommand>().ToList();
        return new ReadScriptResult(text, commands, findings, unit);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pax.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Pax.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record ReadScriptResult(string Text, IReadOnlyList<GcloudCommand> Commands, IReadOnlyList<TokenFinding> Findings, DeploymentUnit Unit)
    {
        /// <summary>The last <c>gcloud scheduler jobs create|update http NAME</c> command for <paramref name="name"/>.</summary>
        public GcloudCommand SchedulerJob(string name)
        {
            var jobs = Commands.Where(c => c.Is("scheduler", "jobs") && c.Argument(3) == "http" && c.Argument(4) == name).ToList();
            Assert.True(jobs.Count > 0, $"no 'gcloud scheduler jobs create|update http {name}' command");
            return jobs[^1];
        }
    }
}
