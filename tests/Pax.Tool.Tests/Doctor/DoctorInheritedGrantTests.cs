using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

/// <summary>
/// Item 1 of issue 26: a grant on a folder or the organization counts like a project grant (Cloud Run's getIamPolicy
/// "does not include any inherited policies"); an ancestor whose policy cannot be read makes PAX002 a warning, never an
/// error and never a --fix.
/// </summary>
public sealed class DoctorInheritedGrantTests
{
    private const string Folder = "folders/42";
    private const string Organization = "organizations/7";

    [Fact]
    public async Task An_invoker_granted_on_the_folder_is_inherited_and_fix_writes_no_redundant_binding()
    {
        await using var project = await BrokenPushUnderAncestors(folderGrant: true);

        var (code, report, _) = await project.ReportAsync("--fix", "--yes");

        Assert.Equal(0, code);
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
        Assert.DoesNotContain(project.Run.Requests, r => r.Path.EndsWith(":setIamPolicy", StringComparison.Ordinal));
        Assert.Contains(project.ResourceManager.Requests, r => r.Path == $"/v3/{Folder}:getIamPolicy");
        Assert.Equal(2, report.GetProperty("checked").GetProperty("ancestorIamPolicies").GetInt32());
    }

    [Fact]
    public async Task An_invoker_granted_on_the_organization_is_inherited_through_the_folder()
    {
        await using var project = await BrokenPushUnderAncestors(organizationGrant: true);

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(0, code);
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(["/v3/projects/pax-demo", $"/v3/{Folder}:getIamPolicy", $"/v3/{Folder}", $"/v3/{Organization}:getIamPolicy"],
            project.ResourceManager.Requests.Select(r => r.Path).Where(p => !p.StartsWith("/v3/projects/pax-demo:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_grant_anywhere_the_policies_were_read_is_still_an_error_with_its_fix()
    {
        await using var project = await BrokenPushUnderAncestors();

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(1, code);
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX002", "error"), (finding.GetProperty("id").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Contains("on the project or on its folders and organization", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_policy_that_cannot_be_read_makes_it_a_warning_naming_the_permission_and_never_a_fix()
    {
        await using var project = await BrokenPushUnderAncestors();
        project.ResourceManager.Deny($"{Organization}:getIamPolicy", "resourcemanager.organizations.getIamPolicy");

        var (code, report, error) = await project.ReportAsync("--fix", "--yes");

        Assert.Equal(2, code); // no error finding; the unread policy is incomplete.
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX002", "warning"), (finding.GetProperty("id").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Contains($"resourcemanager.organizations.getIamPolicy on {Organization} (roles/iam.securityReviewer on {Organization})", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("gcloud projects get-ancestors-iam-policy pax-demo", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Contains("fix plan: 0 change(s)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(project.Run.Requests, r => r.Path.EndsWith(":setIamPolicy", StringComparison.Ordinal));
        var gap = Assert.Single(report.GetProperty("incomplete").EnumerateArray());
        Assert.Contains("resourcemanager.organizations.getIamPolicy", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_whose_parent_cannot_be_read_is_a_warning_naming_resourcemanager_projects_get()
    {
        await using var project = await BrokenPushUnderAncestors();
        project.ResourceManager.Deny("projects/pax-demo", "resourcemanager.projects.get");

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(2, code);
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(("PAX002", "warning"), (finding.GetProperty("id").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Contains("resourcemanager.projects.get on pax-demo, roles/browser", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ancestors_are_read_only_when_a_grant_is_missing_on_the_target_and_the_project()
    {
        await using var project = await StartAsync();
        project.SeedCorrect();
        project.ResourceManager.SetProjectParent(Project, Organization);
        project.ResourceManager.AddOrganization(Organization);

        var (code, _, _) = await project.ReportAsync();

        Assert.Equal(0, code);
        Assert.DoesNotContain(project.ResourceManager.Requests, r => r.Method == "GET");
    }

    private static async Task<DoctorProject> BrokenPushUnderAncestors(bool folderGrant = false, bool organizationGrant = false)
    {
        var project = await StartAsync();
        project.Run.AddService(Orchestrator, OrchestratorUrl);
        project.PubSub.AddSubscription(PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), PushAccount, deadLetter: true));
        project.ResourceManager.SetProjectPolicy(Project, Policy(("roles/viewer", ["user:admin@example.com"])));
        project.ResourceManager.SetProjectParent(Project, Folder);
        project.ResourceManager.AddFolder(Folder, Organization, folderGrant ? Policy(("roles/run.invoker", [$"serviceAccount:{PushAccount}"])) : Policy());
        project.ResourceManager.AddOrganization(Organization, organizationGrant ? Policy(("roles/run.invoker", [$"serviceAccount:{PushAccount}"])) : Policy());
        return project;
    }
}
