using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Pax.TestSupport.CloudRun;

namespace Pax.GoogleCloud.Tests.TestSupport;

/// <summary>The Run jobs fake must refuse what Cloud Run refuses, the way it refuses it, or the trigger tests prove nothing.</summary>
public sealed class FakeCloudRunJobsServerTests : IAsyncLifetime
{
    private const string Job = "projects/p/locations/us-east1/jobs/phase3";
    private const string Member = "serviceAccount:runner@p.iam.gserviceaccount.com";
    private FakeCloudRunJobsServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeCloudRunJobsServer.StartAsync(cancellationToken: Ct);
        _server.AddCaller("runner", Member);
        _server.AddCaller("admin", "user:admin@example.com", "roles/run.admin");
        _server.AddJob(Job, new Dictionary<string, string> { ["A"] = "job", ["B"] = "job" });
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_run_with_overrides_by_an_invoker_gets_403_PERMISSION_DENIED_naming_runWithOverrides()
    {
        _server.Grant(Job, Member, "roles/run.invoker");

        var (status, body) = await RunAsync("runner", """{"overrides":{"containerOverrides":[{"env":[{"name":"A","value":"x"}]}]}}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal("PERMISSION_DENIED", (string?)error["status"]);
        Assert.Contains("run.jobs.runWithOverrides", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("IAM_PERMISSION_DENIED", (string?)error["details"]![0]!["reason"]);
        Assert.Empty(_server.Executions(Job));
    }

    [Fact]
    public async Task Overridden_env_is_merged_by_name_into_the_execution_template_and_the_operation_carries_the_execution()
    {
        _server.Grant(Job, Member, "roles/run.jobsExecutorWithOverrides");

        var (status, body) = await RunAsync("runner", """{"overrides":{"containerOverrides":[{"env":[{"name":"A","value":"override"},{"name":"C","value":"new"}]}],"taskCount":2,"timeout":"60s"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var operation = JsonNode.Parse(body)!;
        Assert.Equal("type.googleapis.com/google.cloud.run.v2.Execution", (string?)operation["metadata"]!["@type"]);
        var env = Assert.Single(_server.Executions(Job))["template"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["A=override", "B=job", "C=new"], env.Select(e => $"{e!["name"]}={e["value"]}").Order());
    }

    [Theory]
    [InlineData("""{"overides":{}}""")]
    [InlineData("""{"overrides":{"containerOverrides":[{"env":[{"name":"CLOUD_RUN_EXECUTION","value":"x"}]}]}}""")]
    [InlineData("""{"overrides":{"containerOverrides":[{"name":"sidecar","env":[]}]}}""")]
    [InlineData("""{"overrides":{"timeout":600}}""")]
    public async Task Malformed_runs_get_400_INVALID_ARGUMENT_and_start_nothing(string body)
    {
        var (status, answer) = await RunAsync("admin", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_ARGUMENT", (string?)JsonNode.Parse(answer)!["error"]!["status"]);
        Assert.Empty(_server.Executions(Job));
    }

    [Fact]
    public async Task Unknown_callers_get_401_and_unknown_jobs_404_for_a_caller_with_the_permission()
    {
        var (anonymous, _) = await RunAsync(null, "{}");
        var (missing, body) = await SendAsync("admin", HttpMethod.Post, "v2/projects/p/locations/us-east1/jobs/nope:run", "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("NOT_FOUND", (string?)JsonNode.Parse(body)!["error"]!["status"]);
    }

    [Fact]
    public async Task Executions_are_listed_newest_first_in_pages_and_need_run_executions_list()
    {
        for (var i = 0; i < 3; i++)
        {
            await RunAsync("admin", "{}");
        }

        var (denied, _) = await SendAsync("runner", HttpMethod.Get, $"v2/{Job}/executions", null);
        var (_, first) = await SendAsync("admin", HttpMethod.Get, $"v2/{Job}/executions?pageSize=2", null);
        var token = (string?)JsonNode.Parse(first)!["nextPageToken"];
        var (_, second) = await SendAsync("admin", HttpMethod.Get, $"v2/{Job}/executions?pageSize=2&pageToken={Uri.EscapeDataString(token!)}", null);
        var (badQuery, _) = await SendAsync("admin", HttpMethod.Get, $"v2/{Job}/executions?filter=x", null);

        Assert.Equal(HttpStatusCode.Forbidden, denied);
        var names = _server.Executions(Job).Select(e => (string?)e["name"]).Reverse().ToList();
        Assert.Equal(names[..2], JsonNode.Parse(first)!["executions"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Equal(names[2..], JsonNode.Parse(second)!["executions"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Null(JsonNode.Parse(second)!["nextPageToken"]);
        Assert.Equal(HttpStatusCode.BadRequest, badQuery);
    }

    private Task<(HttpStatusCode Status, string Body)> RunAsync(string? token, string body) => SendAsync(token, HttpMethod.Post, $"v2/{Job}:run", body);

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string? token, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
