using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.ResourceManager.Internal;
using Pax.TestSupport.ResourceManager;

namespace Pax.GoogleCloud.Tests.ResourceManager.Internal;

public sealed class ResourceHierarchyClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Walks_from_the_project_through_its_folder_to_the_organization_and_reads_their_policies()
    {
        await using var server = await FakeResourceManagerServer.StartAsync(cancellationToken: Ct);
        server.SetProjectPolicy("my-project", new JsonObject());
        server.SetProjectParent("my-project", "folders/42");
        server.AddFolder("folders/42", "organizations/7", Policy("roles/run.invoker", "group:pipelines@example.com"));
        server.AddOrganization("organizations/7", Policy("roles/run.admin", "user:admin@example.com"));
        await using var services = Services(server);
        var client = services.GetRequiredService<ResourceHierarchyClient>();

        var parent = await client.GetProjectParentAsync("my-project", Ct);
        var grandparent = await client.GetFolderParentAsync(parent!, Ct);
        var folder = await client.GetBindingsAsync(parent!, Ct);
        var organization = await client.GetBindingsAsync(grandparent!, Ct);

        Assert.Equal(("folders/42", "organizations/7"), (parent, grandparent));
        Assert.Equal(("roles/run.invoker", "group:pipelines@example.com"), (Assert.Single(folder).Role, Assert.Single(folder[0].Members)));
        Assert.Equal("roles/run.admin", Assert.Single(organization).Role);
        Assert.All(server.Requests.Where(r => r.Method == "POST"), r => Assert.Equal(3, (int)r.Json()!["options"]!["requestedPolicyVersion"]!));
    }

    [Fact]
    public async Task A_project_without_a_parent_has_no_ancestors()
    {
        await using var server = await FakeResourceManagerServer.StartAsync(cancellationToken: Ct);
        server.SetProjectPolicy("my-project", new JsonObject());
        await using var services = Services(server);

        Assert.Null(await services.GetRequiredService<ResourceHierarchyClient>().GetProjectParentAsync("my-project", Ct));
    }

    [Fact]
    public async Task An_unreadable_organization_policy_is_403_naming_the_permission_and_role()
    {
        await using var server = await FakeResourceManagerServer.StartAsync(cancellationToken: Ct);
        server.AddOrganization("organizations/7");
        server.Deny("organizations/7:getIamPolicy", "resourcemanager.organizations.getIamPolicy");
        await using var services = Services(server);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => services.GetRequiredService<ResourceHierarchyClient>().GetBindingsAsync("organizations/7", Ct));

        Assert.Equal((HttpStatusCode.Forbidden, "PERMISSION_DENIED"), (error.HttpStatus, error.Status));
        Assert.Contains("resourcemanager.organizations.getIamPolicy", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("projects/1")]
    [InlineData("folders/abc")]
    [InlineData("organizations/7/x")]
    public async Task A_name_that_is_no_folder_or_organization_is_refused_before_sending(string name)
    {
        await using var server = await FakeResourceManagerServer.StartAsync(cancellationToken: Ct);
        await using var services = Services(server);

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<ResourceHierarchyClient>().GetBindingsAsync(name, Ct));
        Assert.Empty(server.Requests);
    }

    private static JsonObject Policy(string role, string member) => new()
    {
        ["bindings"] = new JsonArray(new JsonObject { ["role"] = role, ["members"] = new JsonArray(member) }),
    };

    private static ServiceProvider Services(FakeResourceManagerServer server) =>
        new ServiceCollection().AddPaxGoogleCloud(o => GoogleApiEndpointOverrides.Apply(o, n => n == "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER" ? server.BaseAddress.AbsoluteUri : null))
            .BuildServiceProvider();
}
