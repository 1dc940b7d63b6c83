using System.Net;
using System.Text.Json.Nodes;
using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.Run;

public sealed class CloudRunIamClientTests
{
    private const string Service = "projects/my-project/locations/us-east1/services/pax-orchestrator";
    private const string Job = "projects/my-project/locations/us-east1/jobs/pax-collector";
    private const string Member = "serviceAccount:pax-scheduler@my-project.iam.gserviceaccount.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Service)]
    [InlineData(Job)]
    public async Task A_missing_binding_is_added_with_the_etag_that_was_read(string resource)
    {
        await using var context = await DeploymentApiContext.StartAsync();
        context.RunAdmin.AddResource(resource);

        var result = await context.IamClient.EnsureInvokerAsync(resource, Member, Ct);

        Assert.Equal(new RoleGrantResult(resource, Member, "roles/run.invoker", Changed: true, Attempts: 1), result);
        Assert.Equal(["GET", "POST"], context.RunAdmin.Requests.Select(r => r.Method));
        var read = context.RunAdmin.Requests[0];
        Assert.Equal($"/v2/{resource}:getIamPolicy", read.Path);
        Assert.Equal("3", read.Query["options.requestedPolicyVersion"]);
        Assert.Equal($"Bearer {DeploymentApiContext.AccessToken}", read.Authorization);
        var write = context.RunAdmin.Requests[1];
        Assert.Equal($"/v2/{resource}:setIamPolicy", write.Path);
        Assert.Equal($"Bearer {DeploymentApiContext.AccessToken}", write.Authorization);
        var body = write.Json()!;
        Assert.Equal("ACAB", (string?)body["policy"]!["etag"]);
        Assert.Equal("bindings,etag", (string?)body["updateMask"]);
        Assert.Equal(Member, (string?)context.RunAdmin.GetPolicy(resource)["bindings"]![0]!["members"]![0]);
        Assert.Equal("roles/run.invoker", (string?)context.RunAdmin.GetPolicy(resource)["bindings"]![0]!["role"]);
    }

    [Fact]
    public async Task A_member_already_bound_writes_nothing()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        context.RunAdmin.AddResource(Service, Policy(1, Binding("roles/run.invoker", "user:alice@example.com", Member)));
        var before = context.RunAdmin.GetPolicy(Service);

        var result = await context.IamClient.EnsureInvokerAsync(Service, Member, Ct);

        Assert.False(result.Changed);
        Assert.Equal("GET", Assert.Single(context.RunAdmin.Requests).Method);
        Assert.Equal((string?)before["etag"], (string?)context.RunAdmin.GetPolicy(Service)["etag"]);
    }

    [Fact]
    public async Task Other_bindings_conditions_and_the_version_are_kept_and_the_member_joins_the_unconditional_binding()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        var conditional = Binding("roles/run.invoker", Member);
        conditional["condition"] = new JsonObject { ["title"] = "weekdays", ["expression"] = "request.time.getDayOfWeek() < 5" };
        context.RunAdmin.AddResource(Service, Policy(3, Binding("roles/run.developer", "group:devs@example.com"), conditional, Binding("roles/run.invoker", "user:alice@example.com")));

        var result = await context.IamClient.EnsureInvokerAsync(Service, Member, Ct);

        Assert.True(result.Changed);
        var policy = context.RunAdmin.GetPolicy(Service);
        Assert.Equal(3, (int?)policy["version"]);
        var bindings = policy["bindings"]!.AsArray();
        Assert.Equal(3, bindings.Count);
        Assert.Equal("group:devs@example.com", (string?)bindings[0]!["members"]![0]);
        Assert.Equal("weekdays", (string?)bindings[1]!["condition"]!["title"]);
        Assert.Equal([Member], bindings[1]!["members"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["user:alice@example.com", Member], bindings[2]!["members"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task A_concurrent_change_is_retried_from_a_fresh_read_and_both_changes_survive()
    {
        await using var context = await DeploymentApiContext.StartAsync();
        context.RunAdmin.AddResource(Service);
        context.RunAdmin.InterleaveChange(Service, AddOtherWritersBinding, times: 2);

        var result = await context.IamClient.EnsureInvokerAsync(Service, Member, Ct);

        Assert.Equal(new RoleGrantResult(Service, Member, "roles/run.invoker", Changed: true, Attempts: 3), result);
        Assert.Equal(["GET", "POST", "GET", "POST", "GET", "POST"], context.RunAdmin.Requests.Select(r => r.Method));
        var roles = context.RunAdmin.GetPolicy(Service)["bindings"]!.AsArray().Select(b => (string?)b!["role"]).ToList();
        Assert.Contains("roles/run.invoker", roles);
        Assert.Contains("roles/run.developer", roles);
    }

    [Fact]
    public async Task It_gives_up_after_the_configured_attempts_with_a_clear_conflict()
    {
        await using var context = await DeploymentApiContext.StartAsync(o => o.Retry.MaxRetryAttempts = 2);
        context.RunAdmin.AddResource(Job);
        context.RunAdmin.InterleaveChange(Job, AddOtherWritersBinding, times: 10);

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.IamClient.EnsureInvokerAsync(Job, Member, Ct));

        Assert.Equal(HttpStatusCode.Conflict, exception.HttpStatus);
        Assert.Equal("ABORTED", exception.Status);
        Assert.Contains("3 attempts", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Job, exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, context.RunAdmin.Requests.Count(r => r.Method == "POST"));
        Assert.DoesNotContain("roles/run.invoker", context.RunAdmin.GetPolicy(Job).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_resource_is_a_404_that_says_so()
    {
        await using var context = await DeploymentApiContext.StartAsync();

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.IamClient.EnsureInvokerAsync(Service, Member, Ct));

        Assert.Equal(HttpStatusCode.NotFound, exception.HttpStatus);
        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pax-scheduler@my-project.iam.gserviceaccount.com", "serviceAccount:pax-scheduler@")]
    [InlineData("serviceAccount:alice@example.com", "not an IAM member")]
    [InlineData("owner:alice@example.com", "not an IAM member")]
    [InlineData("", "not an IAM member")]
    public async Task Malformed_members_are_refused_before_anything_is_sent(string member, string hint)
    {
        await using var context = await DeploymentApiContext.StartAsync();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => context.IamClient.EnsureInvokerAsync(Service, member, Ct));

        Assert.Equal("member", exception.ParamName);
        Assert.Contains(hint, exception.Message, StringComparison.Ordinal);
        Assert.Empty(context.RunAdmin.Requests);
    }

    [Theory]
    [InlineData("user:alice@example.com")]
    [InlineData("group:devs@example.com")]
    [InlineData("domain:example.com")]
    [InlineData("allUsers")]
    [InlineData("allAuthenticatedUsers")]
    [InlineData("principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*")]
    public void Every_member_form_is_accepted(string member) => Assert.True(CloudRunIamClient.IsMember(member));

    [Theory]
    [InlineData("projects/my-project/locations/us-east1/functions/f")]
    [InlineData("projects/my-project/services/s")]
    [InlineData("pax-orchestrator")]
    [InlineData("projects/My-Project/locations/us-east1/services/s")]
    public async Task Resources_other_than_services_and_jobs_are_refused(string resource)
    {
        await using var context = await DeploymentApiContext.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => context.IamClient.EnsureInvokerAsync(resource, Member, Ct));

        Assert.Empty(context.RunAdmin.Requests);
    }

    private static void AddOtherWritersBinding(JsonObject policy)
    {
        var bindings = policy["bindings"] as JsonArray ?? [];
        policy["bindings"] = bindings;
        bindings.Add(Binding("roles/run.developer", $"user:writer{bindings.Count}@example.com"));
    }

    private static JsonObject Binding(string role, params string[] members) =>
        new() { ["role"] = role, ["members"] = new JsonArray(members.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()) };

    private static JsonObject Policy(int version, params JsonObject[] bindings) =>
        new() { ["version"] = version, ["bindings"] = new JsonArray(bindings.Select(b => (JsonNode?)b).ToArray()) };
}
