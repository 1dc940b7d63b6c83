using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Pax.TestSupport.CloudScheduler;

namespace Pax.GoogleCloud.Tests.TestSupport;

/// <summary>The fake must refuse what the real Cloud Scheduler API refuses (and accept what it accepts), or the client tests prove nothing.</summary>
public sealed class FakeCloudSchedulerServerTests : IAsyncLifetime
{
    private const string Parent = "projects/p-123456/locations/us-east1";
    private const string Account = "scheduler@p-123456.iam.gserviceaccount.com";
    private FakeCloudSchedulerServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeCloudSchedulerServer.StartAsync(cancellationToken: Ct);
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeCloudSchedulerServer.DefaultAccessToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Create_stores_the_job_with_the_documented_defaults()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", """{"uri":"https://x.a.run.app/t","oidcToken":{"serviceAccountEmail":"scheduler@p-123456.iam.gserviceaccount.com"}}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        var job = JsonNode.Parse(body)!;
        Assert.Equal("ENABLED", (string?)job["state"]);
        Assert.Equal("180s", (string?)job["attemptDeadline"]);
        Assert.Equal("POST", (string?)job["httpTarget"]!["httpMethod"]);
        Assert.Equal("https://x.a.run.app/t", (string?)job["httpTarget"]!["oidcToken"]!["audience"]);
        Assert.NotNull(job["userUpdateTime"]);
    }

    [Fact]
    public async Task Like_the_real_API_it_accepts_an_OIDC_token_for_a_googleapis_URL()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", $$$"""{"uri":"https://run.googleapis.com/v2/{{{Parent}}}/jobs/c:run","oidcToken":{"serviceAccountEmail":"{{{Account}}}"}}"""));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_duplicate_create_is_409_ALREADY_EXISTS()
    {
        await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", Target()));

        var (status, body) = await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", Target()));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("ALREADY_EXISTS", (string?)JsonNode.Parse(body)!["error"]!["status"]);
    }

    [Theory]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x.a.run.app/"},"colour":"red"}""", "Unknown name \\\"colour\\\"")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","httpTarget":{"uri":"https://x.a.run.app/"}}""", "schedule is required")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *"}""", "httpTarget is required")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{}}""", "uri is required")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/","httpMethod":"FETCH"}}""", "http_method")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/","httpMethod":"GET","body":"e30="}}""", "only with POST")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/","body":"not base64!"}}""", "Base64")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/","oauthToken":{"serviceAccountEmail":"a@p.iam.gserviceaccount.com"},"oidcToken":{"serviceAccountEmail":"a@p.iam.gserviceaccount.com"}}}""", "oneof")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/","oidcToken":{"serviceAccountEmail":"alice@example.com"}}}""", "service account")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/"},"attemptDeadline":"5s"}""", "out of range")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/"},"retryConfig":{"retryCount":9}}""", "retryCount")]
    [InlineData("""{"name":"projects/p-123456/locations/us-east1/jobs/j","schedule":"* * * * *","timeZone":"Mars/Olympus","httpTarget":{"uri":"https://x/"}}""", "time zone")]
    [InlineData("""{"name":"projects/other/locations/us-east1/jobs/j","schedule":"* * * * *","httpTarget":{"uri":"https://x/"}}""", "must be projects/p-123456")]
    public async Task Malformed_jobs_are_400_INVALID_ARGUMENT(string job, string reason)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", job);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Null(_server.GetJob($"{Parent}/jobs/j"));
    }

    [Fact]
    public async Task Patch_replaces_the_fields_of_its_update_mask_only()
    {
        await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", Target(), """, "description":"kept" """));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"v1/{Parent}/jobs/j?updateMask=schedule,attemptDeadline", """{"schedule":"0 * * * *","description":"ignored"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var job = JsonNode.Parse(body)!;
        Assert.Equal("0 * * * *", (string?)job["schedule"]);
        Assert.Equal("kept", (string?)job["description"]);
        Assert.Equal("180s", (string?)job["attemptDeadline"]);
    }

    /// <summary>
    /// field_mask.proto: "If a sub-message is specified in the last position of the field mask for an update operation,
    /// then new value will be merged into the existing sub-message" — so through updateMask=httpTarget a header the
    /// request left out stays, the body cannot be cleared, and the token the request does not name is kept.
    /// </summary>
    [Fact]
    public async Task A_message_named_last_in_the_mask_is_merged_into_the_stored_one()
    {
        await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", $$$"""{"uri":"https://x.a.run.app/t","headers":{"X-A":"1","X-B":"2"},"body":"e30=","oidcToken":{"serviceAccountEmail":"{{{Account}}}"}}"""));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"v1/{Parent}/jobs/j?updateMask=httpTarget", """{"httpTarget":{"uri":"https://y.a.run.app/t","headers":{"X-A":"3"}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var target = JsonNode.Parse(body)!["httpTarget"]!;
        Assert.Equal("https://y.a.run.app/t", (string?)target["uri"]);
        Assert.Equal("""{"X-A":"3","X-B":"2"}""", target["headers"]!.ToJsonString());
        Assert.Equal("e30=", (string?)target["body"]);
        Assert.Equal(Account, (string?)target["oidcToken"]!["serviceAccountEmail"]);
    }

    /// <summary>Named as leaf paths, a scalar, a map or a Duration is replaced, and cleared when the request leaves it out (what gcloud's --clear-headers and --clear-message-body rely on).</summary>
    [Fact]
    public async Task Leaf_paths_replace_their_fields_and_clear_those_the_request_leaves_out()
    {
        await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", $$$"""{"uri":"https://x.a.run.app/t","headers":{"X-A":"1","X-B":"2"},"body":"e30=","oidcToken":{"serviceAccountEmail":"{{{Account}}}"}}""", """, "attemptDeadline":"60s", "retryConfig":{"retryCount":3,"maxBackoffDuration":"60s"}"""));

        var (status, body) = await SendAsync(
            HttpMethod.Patch,
            $"v1/{Parent}/jobs/j?updateMask=httpTarget.headers,httpTarget.body,attemptDeadline,retryConfig.retryCount,retryConfig.maxBackoffDuration",
            """{"httpTarget":{"headers":{"X-A":"3"}},"retryConfig":{"retryCount":1}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var job = JsonNode.Parse(body)!;
        Assert.Equal("""{"X-A":"3"}""", job["httpTarget"]!["headers"]!.ToJsonString());
        Assert.Null(job["httpTarget"]!["body"]);
        Assert.Equal("https://x.a.run.app/t", (string?)job["httpTarget"]!["uri"]);
        Assert.Equal("180s", (string?)job["attemptDeadline"]);
        Assert.Equal("""{"retryCount":1}""", job["retryConfig"]!.ToJsonString());
    }

    /// <summary>oneof authorization_header: setting one token clears the other; naming all four leaf paths with no token clears it (gcloud's --clear-auth-token).</summary>
    [Fact]
    public async Task Token_leaf_paths_switch_the_oneof_and_clear_it()
    {
        const string Tokens = "httpTarget.oauthToken.serviceAccountEmail,httpTarget.oauthToken.scope,httpTarget.oidcToken.serviceAccountEmail,httpTarget.oidcToken.audience";
        await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", Target()));

        var (_, switched) = await SendAsync(HttpMethod.Patch, $"v1/{Parent}/jobs/j?updateMask={Tokens}", $$$$"""{"httpTarget":{"oauthToken":{"serviceAccountEmail":"{{{{Account}}}}"}}}""");
        var (_, cleared) = await SendAsync(HttpMethod.Patch, $"v1/{Parent}/jobs/j?updateMask={Tokens}", """{"httpTarget":{}}""");

        var target = JsonNode.Parse(switched)!["httpTarget"]!.AsObject();
        Assert.False(target.ContainsKey("oidcToken"));
        Assert.Equal("https://www.googleapis.com/auth/cloud-platform", (string?)target["oauthToken"]!["scope"]);
        var none = JsonNode.Parse(cleared)!["httpTarget"]!.AsObject();
        Assert.False(none.ContainsKey("oauthToken") || none.ContainsKey("oidcToken"));
    }

    [Theory]
    [InlineData("v1/projects/p-123456/locations/us-east1/jobs/missing?updateMask=schedule", """{"schedule":"0 * * * *"}""", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("v1/projects/p-123456/locations/us-east1/jobs/j?updateMask=state", """{"state":"PAUSED"}""", HttpStatusCode.BadRequest, "update mask")]
    [InlineData("v1/projects/p-123456/locations/us-east1/jobs/j?updateMask=httpTarget.colour", """{"httpTarget":{"uri":"https://x.a.run.app/t"}}""", HttpStatusCode.BadRequest, "Invalid update mask path 'httpTarget.colour'")]
    [InlineData("v1/projects/p-123456/locations/us-east1/jobs/j?updateMask=httpTarget.uri", """{"httpTarget":{}}""", HttpStatusCode.BadRequest, "uri is required")]
    [InlineData("v1/projects/p-123456/locations/us-east1/jobs/j?update_mask=schedule", """{"schedule":"0 * * * *"}""", HttpStatusCode.BadRequest, "Cannot bind query parameter")]
    public async Task Patch_of_a_missing_job_or_with_a_bad_mask_is_refused(string path, string body, HttpStatusCode expected, string reason)
    {
        await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", Target()));

        var (status, answer) = await SendAsync(HttpMethod.Patch, path, body);

        Assert.Equal(expected, status);
        Assert.Contains(reason, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_methods_and_paths_get_Googles_404_page_and_a_missing_token_401()
    {
        var (put, _) = await SendAsync(HttpMethod.Put, $"v1/{Parent}/jobs/j", Job("j", Target()));
        var (wrongVersion, _) = await SendAsync(HttpMethod.Post, $"v2/{Parent}/jobs", Job("j", Target()));
        _http.DefaultRequestHeaders.Authorization = null;
        var (anonymous, body) = await SendAsync(HttpMethod.Post, $"v1/{Parent}/jobs", Job("j", Target()));

        Assert.Equal(HttpStatusCode.NotFound, put);
        Assert.Equal(HttpStatusCode.NotFound, wrongVersion);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Contains("UNAUTHENTICATED", body, StringComparison.Ordinal);
    }

    private static string Target() => $$$"""{"uri":"https://x.a.run.app/t","oidcToken":{"serviceAccountEmail":"{{{Account}}}"}}""";

    private static string Job(string id, string target, string extra = "") =>
        $$"""{"name":"{{Parent}}/jobs/{{id}}","schedule":"* * * * *","httpTarget":{{target}}{{extra}}}""";

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
