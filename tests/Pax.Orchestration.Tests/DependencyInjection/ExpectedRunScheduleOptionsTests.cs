using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Tests.DependencyInjection;

/// <summary><c>Phases:N:Expected</c>: bound from configuration, and a bad schedule stops the host at startup naming the key.</summary>
public sealed class ExpectedRunScheduleOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expected_schedule_binds_from_configuration_and_the_host_starts()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Pax:Orchestration:Phases:0:Expected:Cron"] = "30 2 * * *",
            ["Pax:Orchestration:Phases:0:Expected:TimeZone"] = "America/New_York",
            ["Pax:Orchestration:Phases:0:Expected:RunKeyFormat"] = "yyyyMMdd",
            ["Pax:Orchestration:Phases:0:Expected:LookBack"] = "2.00:00:00",
            ["Pax:Orchestration:Phases:0:Expected:MaxRunKeys"] = "10",
        });

        await host.StartAsync(Ct);
        var expected = host.Services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Phases[0].Expected;
        await host.StopAsync(Ct);

        Assert.NotNull(expected);
        Assert.Equal(("30 2 * * *", "America/New_York", "yyyyMMdd", TimeSpan.FromDays(2), 10), (expected.Cron, expected.TimeZone, expected.RunKeyFormat, expected.LookBack, expected.MaxRunKeys));
    }

    [Theory]
    [InlineData("Cron", "0 2 * *", "Pax:Orchestration:Phases:0:Expected:Cron '0 2 * *' is not a 5-field cron expression")]
    [InlineData("Cron", "0 0 2 * * *", "Pax:Orchestration:Phases:0:Expected:Cron '0 0 2 * * *' is not a 5-field cron expression")]
    [InlineData("Cron", "61 2 * * *", "Pax:Orchestration:Phases:0:Expected:Cron '61 2 * * *'")]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "Pax:Orchestration:Phases:0:Expected:TimeZone 'Mars/Olympus_Mons' is not a known IANA time zone")]
    [InlineData("RunKeyFormat", "yyyy/MM/dd", "Pax:Orchestration:Phases:0:Expected:RunKeyFormat 'yyyy/MM/dd' makes run keys such as '2026/12/31'")]
    [InlineData("LookBack", "04:00:00", "Pax:Orchestration:Phases:0:Expected:LookBack must be between 1 hour and 31 days and longer than the phase's Deadline")]
    [InlineData("MaxRunKeys", "0", "Pax:Orchestration:Phases:0:Expected:MaxRunKeys must be between 1 and 5000")]
    [InlineData("Deadline", "", "Pax:Orchestration:Phases:0:Deadline is required with Pax:Orchestration:Phases:0:Expected")]
    public async Task A_bad_expected_schedule_stops_the_host_at_startup_naming_the_key(string setting, string value, string message)
    {
        var key = setting == "Deadline" ? "Pax:Orchestration:Phases:0:Deadline" : $"Pax:Orchestration:Phases:0:Expected:{setting}";
        using var host = BuildHost(new Dictionary<string, string?> { ["Pax:Orchestration:Phases:0:Expected:Cron"] = "0 2 * * *", [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?>
        {
            ["Pax:Orchestration:Store"] = "Sqlite",
            ["Pax:Orchestration:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), "pax-unused-" + Guid.NewGuid().ToString("N"), "t.db"),
            ["Pax:Orchestration:Phases:0:Name"] = "phase2",
            ["Pax:Orchestration:Phases:0:Processors:0"] = "a",
            ["Pax:Orchestration:Phases:0:Deadline"] = "06:00:00",
            ["Pax:Orchestration:Phases:0:Trigger:Topic"] = "projects/p/topics/phase3",
            ["Pax:Orchestration:Authentication:Mode"] = "None",
        };
        foreach (var (key, value) in settings)
        {
            // An empty value leaves the key out.
            if (value is { Length: > 0 })
            {
                configuration[key] = value;
            }
            else
            {
                configuration.Remove(key);
            }
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddPaxOrchestration(builder.Configuration.GetSection(OrchestrationOptions.SectionName));
        return builder.Build();
    }
}
