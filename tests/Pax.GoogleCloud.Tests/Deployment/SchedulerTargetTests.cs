using System.Reflection;
using System.Text;
using Pax.GoogleCloud.Deployment;

namespace Pax.GoogleCloud.Tests.Deployment;

public sealed class SchedulerTargetTests
{
    private const string Account = "pax-collector-scheduler@my-project.iam.gserviceaccount.com";

    [Fact]
    public void A_Cloud_Run_job_target_posts_to_the_v2_run_method_with_an_OAuth_token_for_cloud_platform()
    {
        var target = SchedulerTarget.CloudRunJob("my-project", "us-east1", "pax-collector", Account);

        Assert.Equal("https://run.googleapis.com/v2/projects/my-project/locations/us-east1/jobs/pax-collector:run", target.Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Post, target.HttpMethod);
        Assert.Equal(SchedulerTokenKind.OAuth, target.TokenKind);
        Assert.Equal("https://www.googleapis.com/auth/cloud-platform", target.OAuthScope);
        Assert.Null(target.OidcAudience);
        Assert.Equal(Account, target.ServiceAccountEmail);
        Assert.Empty(target.Headers);
        Assert.True(target.Body.IsEmpty);
    }

    [Fact]
    public void A_service_target_sends_an_OIDC_token_whose_audience_defaults_to_the_service_URL()
    {
        var target = SchedulerTarget.Service(new Uri("https://pax-orchestrator-abc123-ue.a.run.app/cron/tick"), Account);

        Assert.Equal(SchedulerTokenKind.Oidc, target.TokenKind);
        Assert.Equal("https://pax-orchestrator-abc123-ue.a.run.app", target.OidcAudience);
        Assert.Null(target.OAuthScope);
        Assert.Equal(HttpMethod.Post, target.HttpMethod);
    }

    [Fact]
    public void A_service_target_keeps_an_explicit_audience()
    {
        var target = SchedulerTarget.Service(new Uri("https://tick.example.com/cron/tick"), Account, "https://tick.example.com/custom-audience");

        Assert.Equal("https://tick.example.com/custom-audience", target.OidcAudience);
    }

    [Theory]
    [InlineData("https://run.googleapis.com/v2/x", true)]
    [InlineData("https://googleapis.com/x", true)]
    [InlineData("https://RUN.GOOGLEAPIS.COM/v2/x", true)]
    [InlineData("https://run.googleapis.com./v2/x", true)]
    [InlineData("https://googleapis.com./x", true)]
    [InlineData("https://googleapis.com.evil.com/x", false)]
    [InlineData("https://evilgoogleapis.com/x", false)]
    [InlineData("https://run.googleapis.com.evil.com./x", false)]
    [InlineData("https://svc-abc123-ue.a.run.app/x", false)]
    public void IsGoogleApi_matches_googleapis_com_and_below_in_any_case_with_or_without_the_trailing_dot(string url, bool expected)
    {
        Assert.Equal(expected, SchedulerTarget.IsGoogleApi(new Uri(url)));
    }

    [Theory]
    [InlineData("https://run.googleapis.com/v2/projects/p/locations/us-east1/jobs/j:run")]
    [InlineData("https://us-east1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/j:run")]
    [InlineData("https://googleapis.com/x")]
    [InlineData("https://WORKFLOWEXECUTIONS.GoogleAPIs.com./v1/x")]
    public void A_service_target_on_a_Google_API_is_refused_and_points_at_CloudRunJob(string url)
    {
        var exception = Assert.Throws<ArgumentException>(() => SchedulerTarget.Service(new Uri(url), Account));

        Assert.Equal("url", exception.ParamName);
        Assert.Contains("OAuth", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SchedulerTarget.CloudRunJob", exception.Message, StringComparison.Ordinal);
        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://pax-orchestrator-abc123-ue.a.run.app/cron/tick")]
    [InlineData("ftp://example.com/x")]
    [InlineData("https://user:secret@example.com/x")]
    [InlineData("https://example.com/x#fragment")]
    public void A_service_target_needs_an_https_URL(string url)
    {
        var exception = Assert.Throws<ArgumentException>(() => SchedulerTarget.Service(new Uri(url), Account));

        Assert.Contains("https", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_service_URL_is_refused() =>
        Assert.Throws<ArgumentException>(() => SchedulerTarget.Service(new Uri("/cron/tick", UriKind.Relative), Account));

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("serviceAccount:pax@my-project.iam.gserviceaccount.com")]
    [InlineData("pax")]
    [InlineData("")]
    [InlineData("p@my-project.iam.gserviceaccount.com")]
    public void Both_targets_need_a_service_account_email(string account)
    {
        var job = Assert.Throws<ArgumentException>(() => SchedulerTarget.CloudRunJob("my-project", "us-east1", "j", account));
        var service = Assert.Throws<ArgumentException>(() => SchedulerTarget.Service(new Uri("https://x.a.run.app/"), account));

        Assert.Equal("serviceAccount", job.ParamName);
        Assert.Equal("serviceAccount", service.ParamName);
    }

    [Theory]
    [InlineData("123456789012-compute@developer.gserviceaccount.com")]
    [InlineData("my-project@appspot.gserviceaccount.com")]
    [InlineData("scheduler@my-project.example.com.iam.gserviceaccount.com")]
    public void Google_default_service_accounts_are_accepted(string account) =>
        Assert.Equal(account, SchedulerTarget.CloudRunJob("my-project", "us-east1", "j", account).ServiceAccountEmail);

    [Theory]
    [InlineData("My-Project", "us-east1", "job", "project")]
    [InlineData("p", "us-east1", "job", "project")]
    [InlineData("my-project/x", "us-east1", "job", "project")]
    [InlineData("my-project", "useast1", "job", "region")]
    [InlineData("my-project", "us-east1/x", "job", "region")]
    [InlineData("my-project", "us-east1", "Job", "job")]
    [InlineData("my-project", "us-east1", "job-", "job")]
    [InlineData("my-project", "us-east1", "job:run", "job")]
    [InlineData("my-project", "us-east1", "", "job")]
    public void A_Cloud_Run_job_target_refuses_bad_ids(string project, string region, string job, string parameter)
    {
        var exception = Assert.Throws<ArgumentException>(() => SchedulerTarget.CloudRunJob(project, region, job, Account));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("example.com:my-project")]
    public void Project_numbers_and_domain_scoped_projects_are_accepted(string project) =>
        Assert.Contains($"/projects/{project}/", SchedulerTarget.CloudRunJob(project, "europe-west4", "j", Account).Uri.AbsoluteUri, StringComparison.Ordinal);

    [Fact]
    public void A_service_target_can_send_a_JSON_body_and_headers_with_another_method()
    {
        var target = SchedulerTarget.Service(new Uri("https://x.a.run.app/jobs"), Account)
            .WithHttpMethod(HttpMethod.Put)
            .WithBody(Encoding.UTF8.GetBytes("{\"a\":1}"), "application/json")
            .WithHeader("X-Pax-Source", "scheduler");

        Assert.Equal(HttpMethod.Put, target.HttpMethod);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(target.Body.Span));
        Assert.Equal("application/json", target.Headers["content-type"]);
        Assert.Equal("scheduler", target.Headers["X-Pax-Source"]);
        Assert.Equal(SchedulerTokenKind.Oidc, target.TokenKind);
    }

    [Fact]
    public void A_body_goes_only_with_POST_PUT_or_PATCH()
    {
        var service = SchedulerTarget.Service(new Uri("https://x.a.run.app/"), Account);

        Assert.Throws<InvalidOperationException>(() => service.WithHttpMethod(HttpMethod.Get).WithBody(new byte[] { 1 }, "application/json"));
        Assert.Throws<ArgumentException>(() => service.WithBody(new byte[] { 1 }, "application/json").WithHttpMethod(HttpMethod.Delete));
        Assert.Throws<ArgumentException>(() => service.WithHttpMethod(HttpMethod.Trace));
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("host")]
    [InlineData("User-Agent")]
    [InlineData("X-CloudScheduler-JobName")]
    [InlineData("x-google-internal")]
    [InlineData("Bad Header")]
    public void Headers_Cloud_Scheduler_sets_itself_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => SchedulerTarget.Service(new Uri("https://x.a.run.app/"), Account).WithHeader(name, "v"));

    [Fact]
    public void A_Cloud_Run_job_target_cannot_be_changed()
    {
        var job = SchedulerTarget.CloudRunJob("my-project", "us-east1", "j", Account);

        Assert.Throws<InvalidOperationException>(() => job.WithHttpMethod(HttpMethod.Get));
        Assert.Throws<InvalidOperationException>(() => job.WithHeader("X-A", "b"));
        Assert.Throws<InvalidOperationException>(() => job.WithBody(new byte[] { 1 }, "application/json"));
    }

    [Fact]
    public void Only_the_two_factories_build_a_target_and_nothing_changes_one_in_place()
    {
        var type = typeof(SchedulerTarget);

        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.All(type.GetProperties(), p => Assert.True(p.SetMethod is null || !p.SetMethod.IsPublic, $"{p.Name} has a public setter"));
        Assert.Equal(
            ["CloudRunJob", "IsGoogleApi", "Service"],
            type.GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.True(type.IsSealed);
    }
}
