using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Dashboard.Internal;
using Pax.Orchestration.Hosting;

namespace Pax.Orchestration.Dashboard.Tests.Security;

/// <summary>Startup validation of <c>Pax:Dashboard</c>: never open by default on Cloud Run.</summary>
public sealed class DashboardOptionsValidationTests
{
    [Fact]
    public void None_on_Cloud_Run_is_refused_with_the_key_and_the_way_out()
    {
        var result = OnCloudRun().Validate(null, new DashboardOptions { Authentication = { Mode = InboundAuthenticationMode.None } });

        Assert.True(result.Failed);
        Assert.Contains("Pax:Dashboard:Authentication:Mode is None on Cloud Run (K_SERVICE is set)", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("gcloud run services proxy", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void None_on_Cloud_Run_starts_only_when_explicitly_allowed_and_None_off_Cloud_Run_starts()
    {
        var allowed = OnCloudRun().Validate(null, new DashboardOptions { Authentication = { Mode = InboundAuthenticationMode.None }, AllowUnauthenticatedOnCloudRun = true });
        var local = new DashboardOptionsValidator(_ => null).Validate(null, new DashboardOptions { Authentication = { Mode = InboundAuthenticationMode.None } });

        Assert.True(allowed.Succeeded);
        Assert.True(local.Succeeded);
    }

    [Fact]
    public void CloudRunIam_off_Cloud_Run_is_refused_because_nothing_checked_the_token()
    {
        // CloudRunIam reads the caller's token without its signature, trusting Cloud Run's IAM check: off Cloud Run a
        // home-made unsigned token naming an allowed principal would open every page (and the actions).
        var options = new DashboardOptions { Authentication = { AllowedPrincipals = ["alice@example.com"] } };

        var local = new DashboardOptionsValidator(_ => null).Validate(null, options);

        Assert.True(local.Failed);
        Assert.Contains("Pax:Dashboard:Authentication:Mode is CloudRunIam but this is not a Cloud Run service (K_SERVICE is not set)", local.FailureMessage, StringComparison.Ordinal);
        Assert.True(OnCloudRun().Validate(null, options).Succeeded);
    }

    [Fact]
    public void The_default_CloudRunIam_needs_allowed_principals()
    {
        var result = OnCloudRun().Validate(null, new DashboardOptions());

        Assert.True(result.Failed);
        Assert.Contains("Pax:Dashboard:Authentication:AllowedPrincipals is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("group:team@example.com")]
    [InlineData("alice")]
    [InlineData("user:")]
    [InlineData("alice@example.com bob@example.com")]
    public void A_principal_that_is_not_an_email_or_user_or_service_account_is_refused(string principal)
    {
        var result = OnCloudRun().Validate(null, new DashboardOptions { Authentication = { AllowedPrincipals = [principal] } });

        Assert.True(result.Failed);
        Assert.Contains($"'{principal}' is not an email", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifySignature_needs_an_audience_and_page_size_and_refresh_are_bounded()
    {
        var result = OnCloudRun().Validate(null, new DashboardOptions
        {
            Authentication = { Mode = InboundAuthenticationMode.VerifySignature, AllowedPrincipals = ["alice@example.com"] },
            PageSize = 0,
            AutoRefresh = TimeSpan.FromSeconds(1),
        });

        Assert.Contains("Pax:Dashboard:Authentication:Audience is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Pax:Dashboard:PageSize must be between 1 and 200", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Pax:Dashboard:AutoRefresh must be between", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_refuses_to_start_when_the_dashboard_would_be_open_on_Cloud_Run()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            Support.DashboardServer.StartAsync(services: s => s.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DashboardOptions>>(OnCloudRun())));

        Assert.Contains("K_SERVICE is set", ex.Message, StringComparison.Ordinal);
    }

    private static DashboardOptionsValidator OnCloudRun() => new(name => name == "K_SERVICE" ? "orchestrator" : null);
}
