using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pax.Orchestration.Dashboard.Tests.Hosting;

/// <summary>
/// What the dashboard adds to a host's start (README › Benchmarks › Cold start): nothing that only its action forms need,
/// such as the data protection key ring its antiforgery tokens are made with.
/// </summary>
public sealed class DashboardStartupWorkTests
{
    private const string KeyRingWarmUp = "DataProtectionHostedService";

    [Fact]
    public void The_dashboard_does_not_load_the_key_ring_while_the_host_starts_and_its_tokens_still_work()
    {
        var services = new ServiceCollection();
        services.AddPaxDashboard();
        using var provider = services.BuildServiceProvider();

        var hostedServices = provider.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        var tokens = provider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(new DefaultHttpContext { RequestServices = provider });

        Assert.DoesNotContain(KeyRingWarmUp, hostedServices);
        Assert.False(string.IsNullOrEmpty(tokens.RequestToken));
    }

    [Fact]
    public void An_application_that_adds_data_protection_itself_keeps_its_start_time_key_ring()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPaxDashboard();
        using var provider = services.BuildServiceProvider();

        Assert.Contains(KeyRingWarmUp, provider.GetServices<IHostedService>().Select(s => s.GetType().Name));
    }
}
