using System.Net;
using System.Text.Json.Nodes;
using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.Scheduler;

public sealed class CloudSchedulerSetTokenTests
{
    private const string Name = "projects/my-project/locations/us-east1/jobs/run-collector";
    private const string Account = "pax-scheduler@my-project.iam.gserviceaccount.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Switching_to_OAuth_patches_only_httpTarget_and_keeps_url_method_headers_and_body()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        context.Scheduler.AddJob(new JsonObject
        {
            ["name"] = Name,
            ["schedule"] = "*/30 * * * *",
            ["description"] = "collector",
            ["httpTarget"] = new JsonObject
            {
                ["uri"] = "https://run.googleapis.com/v2/projects/my-project/locations/us-east1/jobs/pax-collector:run",
                ["httpMethod"] = "POST",
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                ["body"] = Convert.ToBase64String("{}"u8.ToArray()),
                ["oidcToken"] = new JsonObject { ["serviceAccountEmail"] = Account },
            },
        });

        var job = await context.SchedulerClient.SetTokenAsync(Name, SchedulerTokenKind.OAuth, Account, "https://www.googleapis.com/auth/cloud-platform", Ct);

        Assert.Equal(SchedulerTokenKind.OAuth, job.TokenKind);
        var patch = Assert.Single(context.Scheduler.Requests, r => r.Method == "PATCH");
        Assert.Equal("httpTarget", patch.Query["updateMask"]);
        var stored = context.Scheduler.GetJob(Name)!;
        var target = stored["httpTarget"]!.AsObject();
        Assert.False(target.ContainsKey("oidcToken"));
        Assert.Equal(Account, (string?)target["oauthToken"]!["serviceAccountEmail"]);
        Assert.Equal("application/json", (string?)target["headers"]!["Content-Type"]);
        Assert.Equal(Convert.ToBase64String("{}"u8.ToArray()), (string?)target["body"]);
        Assert.Equal("collector", (string?)stored["description"]);
    }

    [Fact]
    public async Task A_missing_job_is_404_and_nothing_is_written()
    {
        await using var context = await DeploymentApiContext.StartAsync();

        var error = await Assert.ThrowsAsync<GoogleApiException>(() =>
            context.SchedulerClient.SetTokenAsync(Name, SchedulerTokenKind.Oidc, Account, "https://svc-abc123-ue.a.run.app", Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatus);
        Assert.DoesNotContain(context.Scheduler.Requests, r => r.Method == "PATCH");
    }
}
