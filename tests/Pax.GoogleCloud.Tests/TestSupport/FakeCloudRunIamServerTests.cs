using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Pax.TestSupport.CloudRun;

namespace Pax.GoogleCloud.Tests.TestSupport;

/// <summary>The fake must answer getIamPolicy/setIamPolicy as the Cloud Run Admin API documents, or the IAM client tests prove nothing.</summary>
public sealed class FakeCloudRunIamServerTests : IAsyncLifetime
{
    private const string Service = "projects/p-123456/locations/us-east1/services/svc";
    private FakeCloudRunIamServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeCloudRunIamServer.StartAsync(cancellationToken: Ct);
        _server.AddResource(Service);
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeCloudRunIamServer.DefaultAccessToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_empty_policy_has_only_an_etag_and_a_write_with_it_gets_a_new_one()
    {
        var (_, read) = await SendAsync(HttpMethod.Get, $"v2/{Service}:getIamPolicy?options.requestedPolicyVersion=3", null);
        var (status, written) = await SendAsync(HttpMethod.Post, $"v2/{Service}:setIamPolicy", Set("ACAB", "roles/run.invoker", "allUsers"));

        Assert.Equal("""{"etag":"ACAB"}""", read);
        Assert.Equal(HttpStatusCode.OK, status);
        var policy = JsonNode.Parse(written)!;
        Assert.NotEqual("ACAB", (string?)policy["etag"]);
        Assert.Equal(1, (int?)policy["version"]);
        Assert.Equal("allUsers", (string?)policy["bindings"]![0]!["members"]![0]);
    }

    [Fact]
    public async Task A_stale_etag_is_409_ABORTED_and_changes_nothing()
    {
        await SendAsync(HttpMethod.Post, $"v2/{Service}:setIamPolicy", Set("ACAB", "roles/run.invoker", "allUsers"));

        var (status, body) = await SendAsync(HttpMethod.Post, $"v2/{Service}:setIamPolicy", Set("ACAB", "roles/run.admin", "user:a@example.com"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("ABORTED", (string?)JsonNode.Parse(body)!["error"]!["status"]);
        Assert.DoesNotContain("roles/run.admin", _server.GetPolicy(Service).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interleaved_change_makes_the_next_write_conflict_and_stays()
    {
        _server.InterleaveChange(Service, p => p["bindings"] = new JsonArray(new JsonObject { ["role"] = "roles/run.developer", ["members"] = new JsonArray("user:b@example.com") }));

        var (first, _) = await SendAsync(HttpMethod.Post, $"v2/{Service}:setIamPolicy", Set("ACAB", "roles/run.invoker", "allUsers"));
        var (_, reread) = await SendAsync(HttpMethod.Get, $"v2/{Service}:getIamPolicy", null);

        Assert.Equal(HttpStatusCode.Conflict, first);
        Assert.Contains("roles/run.developer", reread, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"policy":{"bindings":[{"role":"roles/run.invoker","members":["alice@example.com"]}]}}""", "Invalid member")]
    [InlineData("""{"policy":{"bindings":[{"role":"run.invoker","members":["allUsers"]}]}}""", "not a role name")]
    [InlineData("""{"policy":{"bindings":[{"role":"roles/run.invoker","members":[]}]}}""", "at least one member")]
    [InlineData("""{"policy":{"bindings":[{"role":"roles/run.invoker","members":["allUsers"],"condition":{"expression":"true"}}]}}""", "version 3")]
    [InlineData("""{"policy":{"version":2}}""", "Invalid policy version")]
    [InlineData("""{"policy":{"bindings":[]},"updateMask":"owner"}""", "update_mask")]
    [InlineData("""{"policy":{"binding":[]}}""", "Unknown name \\\"binding\\\"")]
    [InlineData("""{"bindings":[]}""", "Unknown name \\\"bindings\\\"")]
    public async Task Malformed_policies_are_400(string body, string reason)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, $"v2/{Service}:setIamPolicy", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conditional_policies_must_be_read_with_version_3()
    {
        await SendAsync(HttpMethod.Post, $"v2/{Service}:setIamPolicy", """{"policy":{"version":3,"etag":"ACAB","bindings":[{"role":"roles/run.invoker","members":["allUsers"],"condition":{"expression":"true","title":"t"}}]}}""");

        var (v1, _) = await SendAsync(HttpMethod.Get, $"v2/{Service}:getIamPolicy?options.requestedPolicyVersion=1", null);
        var (v3, body) = await SendAsync(HttpMethod.Get, $"v2/{Service}:getIamPolicy?options.requestedPolicyVersion=3", null);

        Assert.Equal(HttpStatusCode.BadRequest, v1);
        Assert.Equal(HttpStatusCode.OK, v3);
        Assert.Equal(3, (int?)JsonNode.Parse(body)!["version"]);
    }

    [Fact]
    public async Task Unknown_resources_are_404_and_wrong_methods_get_the_404_page()
    {
        var (missing, body) = await SendAsync(HttpMethod.Get, "v2/projects/p-123456/locations/us-east1/jobs/none:getIamPolicy", null);
        var (postRead, _) = await SendAsync(HttpMethod.Post, $"v2/{Service}:getIamPolicy", "{}");
        var (getWrite, _) = await SendAsync(HttpMethod.Get, $"v2/{Service}:setIamPolicy", null);

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("NOT_FOUND", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, postRead);
        Assert.Equal(HttpStatusCode.NotFound, getWrite);
    }

    private static string Set(string etag, string role, string member) =>
        $$$"""{"policy":{"etag":"{{{etag}}}","bindings":[{"role":"{{{role}}}","members":["{{{member}}}"]}]}}""";

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
