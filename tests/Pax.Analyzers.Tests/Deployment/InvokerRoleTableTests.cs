using Pax.Analyzers.Deployment;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Terraform.TerraformAnalyzer>;

namespace Pax.Analyzers.Tests.Deployment;

/// <summary>
/// The role table behind PAX002 (issue 13, point 2): a role that carries the permission the call needs is a grant, one
/// that does not is not. Each role is granted at project level to the caller of a service push, a job run and a job run
/// with overrides (https://cloud.google.com/iam/docs/roles-permissions/run).
/// </summary>
public sealed class InvokerRoleTableTests
{
    private const string Caller = "caller@p.iam.gserviceaccount.com";
    private const string JobRun = "https://run.googleapis.com/v2/projects/p/locations/l/jobs/collector:run";

    public enum Call
    {
        Service,
        Job,
        JobWithOverrides,
    }

    [Theory]
    [InlineData("roles/run.servicesInvoker", Call.Service, false)]
    [InlineData("roles/run.servicesInvoker", Call.Job, true)]
    [InlineData("roles/run.servicesInvoker", Call.JobWithOverrides, true)]
    [InlineData("roles/run.jobsExecutor", Call.Service, true)]
    [InlineData("roles/run.jobsExecutor", Call.Job, false)]
    [InlineData("roles/run.jobsExecutor", Call.JobWithOverrides, true)]
    [InlineData("roles/run.jobsExecutorWithOverrides", Call.Service, true)]
    [InlineData("roles/run.jobsExecutorWithOverrides", Call.Job, false)]
    [InlineData("roles/run.jobsExecutorWithOverrides", Call.JobWithOverrides, false)]
    [InlineData("roles/run.invoker", Call.Service, false)]
    [InlineData("roles/run.invoker", Call.Job, false)]
    [InlineData("roles/run.invoker", Call.JobWithOverrides, true)]
    [InlineData("roles/run.developer", Call.JobWithOverrides, false)]
    [InlineData("roles/run.admin", Call.JobWithOverrides, false)]
    [InlineData("roles/editor", Call.JobWithOverrides, false)]
    [InlineData("roles/owner", Call.Service, false)]
    [InlineData("roles/run.viewer", Call.Service, true)]
    [InlineData("roles/run.viewer", Call.Job, true)]
    [InlineData("roles/cloudfunctions.invoker", Call.Service, true)]
    public Task A_project_level_role_counts_only_when_it_carries_the_permission(string role, Call call, bool reported) =>
        Verify.RunAsync(Verify.ForFiles(
            ("infra/iam.tf", $$"""
                resource "google_project_iam_member" "caller" {
                  project = "p"
                  role    = "{{role}}"
                  member  = "serviceAccount:{{Caller}}"
                }
                """),
            ("infra/call.tf", Calling(call, reported))));

    [Theory]
    [InlineData("roles/run.servicesInvoker", new[] { InvokerRoles.InvokeService })]
    [InlineData("roles/run.jobsExecutor", new[] { InvokerRoles.RunJob })]
    [InlineData("roles/run.jobsExecutorWithOverrides", new[] { InvokerRoles.RunJob, InvokerRoles.RunJobWithOverrides })]
    public void A_confirmed_role_holds_exactly_its_permissions(string role, string[] held)
    {
        foreach (var permission in InvokerRoles.AnyInvokePermission)
        {
            Assert.Equal(held.Contains(permission), InvokerRoles.MayHoldAny(role, [permission]));
        }
    }

    private static string Calling(Call call, bool reported)
    {
        var open = reported ? "{|PAX002:" : string.Empty;
        var close = reported ? "|}" : string.Empty;
        return call switch
        {
            Call.Service => $$"""
                resource "google_pubsub_subscription" "orders" {
                  push_config {
                    {{open}}push_endpoint = "https://orders-123456789.us-central1.run.app/push"{{close}}
                    oidc_token { service_account_email = "{{Caller}}" }
                  }
                }
                """,
            _ => $$"""
                resource "google_cloud_scheduler_job" "collect" {
                  http_target {
                    {{open}}uri = "{{JobRun}}"{{close}}
                    {{(call == Call.JobWithOverrides ? "body = base64encode(jsonencode({ overrides = { taskCount = 1 } }))" : string.Empty)}}
                    oauth_token { service_account_email = "{{Caller}}" }
                  }
                }
                """,
        };
    }
}
