using System.Net;
using System.Text.Json.Nodes;
using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.Scheduler;

public sealed class CloudSchedulerListJobsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_follows_nextPageToken_until_the_last_page_and_keeps_the_order()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        context.Scheduler.MaxPageSize = 2;
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            context.Scheduler.AddJob(Job($"projects/my-project/locations/us-east1/jobs/{id}", oidc: id == "c"));
        }

        context.Scheduler.AddJob(Job("projects/my-project/locations/europe-west1/jobs/other", oidc: false));

        var jobs = await context.SchedulerClient.ListJobsAsync("my-project", "us-east1", Ct);

        Assert.Equal(["a", "b", "c", "d", "e"], jobs.Select(j => j.Name.Split('/')[^1]));
        Assert.Equal(3, context.Scheduler.Requests.Count);
        Assert.All(context.Scheduler.Requests, r => Assert.Equal("500", r.Query["pageSize"]));
        Assert.False(context.Scheduler.Requests[0].Query.ContainsKey("pageToken"));
        Assert.True(context.Scheduler.Requests[2].Query.ContainsKey("pageToken"));
        Assert.Equal(Pax.GoogleCloud.Deployment.SchedulerTokenKind.Oidc, jobs[2].TokenKind);
        Assert.Equal("pax@my-project.iam.gserviceaccount.com", jobs[2].ServiceAccountEmail);
    }

    [Fact]
    public async Task An_empty_location_lists_nothing()
    {
        await using var context = await DeploymentApiContext.StartAsync();

        Assert.Empty(await context.SchedulerClient.ListJobsAsync("my-project", "us-east1", Ct));
    }

    [Fact]
    public async Task A_403_says_which_permission_and_role_to_grant()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        context.Scheduler.Deny("projects/my-project/locations/us-east1", "cloudscheduler.jobs.list");

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => context.SchedulerClient.ListJobsAsync("my-project", "us-east1", Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatus);
        Assert.Equal("PERMISSION_DENIED", error.Status);
        Assert.Contains("roles/cloudscheduler.viewer", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Job(string name, bool oidc)
    {
        var token = new JsonObject { ["serviceAccountEmail"] = "pax@my-project.iam.gserviceaccount.com" };
        return new JsonObject
        {
            ["name"] = name,
            ["schedule"] = "* * * * *",
            ["httpTarget"] = new JsonObject
            {
                ["uri"] = "https://svc-abc123-ue.a.run.app/cron/tick",
                [oidc ? "oidcToken" : "oauthToken"] = token,
            },
        };
    }
}
