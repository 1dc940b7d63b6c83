using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Tests.Pulse;

/// <summary><c>Pax:Orchestration:Retention</c> is checked at startup like every option, and a misspelled key is named.</summary>
public sealed class RetentionOptionsTests
{
    [Fact]
    public void Out_of_range_retention_values_fail_at_startup_naming_their_keys()
    {
        using var provider = new ServiceCollection().AddPaxOrchestration(o =>
        {
            o.Retention.PulseMaxAge = TimeSpan.FromHours(12);
            o.Retention.RejectedMaxAge = TimeSpan.FromDays(4000);
            o.Retention.MaxDeletesPerRun = 0;
        }).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OrchestrationOptions>>().Value);

        Assert.Contains("Pax:Orchestration:Retention:PulseMaxAge must be between 2 days and 3650 days (was 12:00:00).", failure.Failures);
        Assert.Contains("Pax:Orchestration:Retention:RejectedMaxAge must be between 2 days and 3650 days (was 4000.00:00:00).", failure.Failures);
        Assert.Contains("Pax:Orchestration:Retention:MaxDeletesPerRun must be between 1 and 10000 (was 0).", failure.Failures);
    }

    [Fact]
    public void A_misspelled_retention_key_is_refused_naming_the_key_meant()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pax:Orchestration:Retention:RejectedMaxAges"] = "10.00:00:00",
        }).Build();
        using var provider = new ServiceCollection().AddPaxOrchestration(configuration.GetSection("Pax:Orchestration")).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OrchestrationOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("Pax:Orchestration:Retention:RejectedMaxAges is not a setting — did you mean 'RejectedMaxAge'?", StringComparison.Ordinal));
    }
}
