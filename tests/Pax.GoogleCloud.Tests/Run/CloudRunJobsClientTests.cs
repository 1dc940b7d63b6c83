using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.Run;

public sealed class CloudRunJobsClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunJob_posts_to_the_v2_run_method_with_an_access_token_and_overrides()
    {
        var handler = new StubHttpHandler().Answer(HttpStatusCode.OK, "{\"name\":\"projects/p/locations/r/operations/o1\",\"done\":false}");
        await using var services = StubbedClients.Create(handler);
        var client = services.GetRequiredService<CloudRunJobsClient>();

        var operation = await client.RunJobAsync(
            "projects/p/locations/us-east1/jobs/phase3",
            new CloudRunJobOverrides { ContainerOverrides = [new CloudRunContainerOverride { Env = [new CloudRunEnvVar { Name = "PAX_RUN_KEY", Value = "k" }] }], TaskCount = 4 },
            Ct);

        Assert.Equal("projects/p/locations/r/operations/o1", operation.Name);
        var (request, body, authorization) = Assert.Single(handler.Requests);
        Assert.Equal("https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/phase3:run", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer access-token", authorization);
        Assert.Equal(4, JsonNode.Parse(body)!["overrides"]!["taskCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_run_is_not_retried_because_a_retry_could_start_a_second_execution()
    {
        var handler = new StubHttpHandler().Answer(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}");
        await using var services = StubbedClients.Create(handler);

        await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<CloudRunJobsClient>().RunJobAsync("projects/p/locations/r/jobs/j", null, Ct));

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("j")]
    [InlineData("projects/p/jobs/j")]
    [InlineData("projects/p/locations/r/services/j")]
    public void Job_names_must_be_full_resource_names(string name) => Assert.False(CloudRunJobsClient.IsJobName(name));
}
