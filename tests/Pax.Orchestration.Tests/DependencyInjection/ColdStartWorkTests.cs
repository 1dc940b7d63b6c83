using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Tests.DependencyInjection;

/// <summary>
/// What a start does before the first request, and what it leaves for later (README › Benchmarks › Cold start): the
/// options are bound, checked and validated once, and the completion store is built when it is first used, not by the
/// hosted service that starts with the host.
/// </summary>
public sealed class ColdStartWorkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_options_are_built_once_for_the_start_check_and_the_services_that_read_them()
    {
        var counter = new ConfigureCounter();
        var configuration = Configuration();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IConfigureOptions<OrchestrationOptions>>(counter)
            .AddSingleton<IConfigureOptions<SchedulingOptions>>(counter);
        services.AddPaxOrchestration(configuration.GetSection(OrchestrationOptions.SectionName));
        services.AddPaxScheduling(configuration.GetSection(SchedulingOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        // ValidateOnStart builds them through the monitor; MapPaxOrchestration, MapPaxScheduling and the services read IOptions.
        var checkedAtStart = provider.GetRequiredService<IOptionsMonitor<OrchestrationOptions>>().CurrentValue;
        var read = provider.GetRequiredService<IOptions<OrchestrationOptions>>().Value;
        var scheduling = provider.GetRequiredService<IOptionsMonitor<SchedulingOptions>>().CurrentValue;

        Assert.Same(checkedAtStart, read);
        Assert.Same(scheduling, provider.GetRequiredService<IOptions<SchedulingOptions>>().Value);
        Assert.Equal("phase2", read.Phases[0].Name);
        Assert.Equal(1, counter.Orchestration);
        Assert.Equal(1, counter.Scheduling);
    }

    [Fact]
    public void An_IOptions_of_the_application_s_own_wins()
    {
        var own = Options.Create(new OrchestrationOptions());
        using var provider = new ServiceCollection().AddSingleton(own).AddPaxOrchestration(o => o.Phases.Add(Phase())).BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IOptions<OrchestrationOptions>>());
    }

    [Fact]
    public async Task Starting_the_host_builds_no_completion_store()
    {
        var built = 0;
        var services = new ServiceCollection().AddSingleton<ICompletionStore>(_ =>
        {
            built++;
            throw new InvalidOperationException("the store was built while the host started");
        });
        services.AddPaxOrchestration(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Sqlite.Path = Path.Combine(Path.GetTempPath(), "pax-cold-" + Guid.NewGuid().ToString("N"), "t.db");
            o.Phases.Add(Phase());
        });
        using var provider = services.BuildServiceProvider();

        var hosted = provider.GetServices<IHostedService>().ToList();
        var startup = hosted.OfType<OrchestrationStartup>().Single();
        await startup.StartAsync(Ct);
        await startup.StopAsync(Ct);

        Assert.Equal(0, built);

        // And nothing for the host to run in the background at start (each would compile its async methods before the first answer).
        Assert.DoesNotContain(hosted, s => s is BackgroundService);
    }

    private static PhaseDefinition Phase() => new() { Name = "phase2", Processors = ["a", "b"], Trigger = new PhaseTriggerOptions { Topic = "projects/p/topics/next" } };

    private static IConfigurationRoot Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Pax:Orchestration:Authentication:Mode"] = "None",
        ["Pax:Orchestration:Phases:0:Name"] = "phase2",
        ["Pax:Orchestration:Phases:0:Processors:0"] = "a",
        ["Pax:Orchestration:Phases:0:Processors:1"] = "b",
        ["Pax:Orchestration:Phases:0:Trigger:Topic"] = "projects/p/topics/next",
        ["Pax:Scheduling:Authentication:Mode"] = "None",
    }).Build();

    private sealed class ConfigureCounter : IConfigureOptions<OrchestrationOptions>, IConfigureOptions<SchedulingOptions>
    {
        public int Orchestration { get; private set; }

        public int Scheduling { get; private set; }

        public void Configure(OrchestrationOptions options) => Orchestration++;

        public void Configure(SchedulingOptions options) => Scheduling++;
    }
}
