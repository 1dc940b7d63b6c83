using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Stores;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.DependencyInjection;

public sealed class PaxOrchestrationServiceCollectionExtensionsTests
{
    [Fact]
    public void The_Pax_Orchestration_section_binds_phases_triggers_and_push_options()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pax:Orchestration:Store"] = "Sqlite",
            ["Pax:Orchestration:Sqlite:Path"] = "x.db",
            ["Pax:Orchestration:Phases:0:Name"] = "phase2",
            ["Pax:Orchestration:Phases:0:Processors:0"] = "a",
            ["Pax:Orchestration:Phases:0:Processors:1"] = "b",
            ["Pax:Orchestration:Phases:0:Deadline"] = "06:00:00",
            ["Pax:Orchestration:Phases:0:Trigger:Topic"] = "projects/p/topics/phase3",
            ["Pax:Orchestration:Phases:1:Name"] = "collect",
            ["Pax:Orchestration:Phases:1:ExpectedCount"] = "6",
            ["Pax:Orchestration:Phases:1:Threshold"] = "5",
            ["Pax:Orchestration:Phases:1:Trigger:Job"] = "projects/p/locations/r/jobs/j",
            ["Pax:Orchestration:Authentication:Mode"] = "CloudRunIam",
            ["Pax:Orchestration:Authentication:Audience"] = "https://o.a.run.app",
            ["Pax:Orchestration:Authentication:AllowedPrincipals:0"] = "push@p.iam.gserviceaccount.com",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton(CloudRunStandIn.For(InboundAuthenticationMode.CloudRunIam)).AddPaxOrchestration(configuration.GetSection(OrchestrationOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<OrchestrationOptions>>().Value;

        Assert.Equal(OrchestrationStoreKind.Sqlite, options.Store);
        Assert.Equal(["a", "b"], options.Phases[0].Processors);
        Assert.Equal(TimeSpan.FromHours(6), options.Phases[0].Deadline);
        Assert.Equal(5, options.Phases[1].RequiredSuccesses());
        Assert.Equal("projects/p/locations/r/jobs/j", options.Phases[1].Trigger.Job);
        Assert.Equal(InboundAuthenticationMode.CloudRunIam, options.Authentication.Mode);
        Assert.IsType<SqliteCompletionStore>(provider.GetRequiredService<ICompletionStore>());
    }

    [Theory]
    [InlineData("Pax:Orchestration:Authentication:AllowedPrincipals", null)]
    [InlineData("Pax:Orchestration:Phases:0:Trigger", "https://run.googleapis.com/v2/projects/p/locations/r/jobs/j:run")]
    [InlineData("Pax:Orchestration:Phases:0: set either Processors or ExpectedCount", "none")]
    [InlineData("Pax:Orchestration:Phases:0:Threshold", "threshold")]
    public void Invalid_options_fail_at_startup_naming_the_key(string key, string? variant)
    {
        var services = new ServiceCollection().AddPaxOrchestration(o =>
        {
            var phase = new PhaseDefinition { Name = "phase2", Processors = ["a"] };
            phase.Trigger.Topic = "projects/p/topics/next";
            o.Authentication.Mode = variant is null ? InboundAuthenticationMode.CloudRunIam : InboundAuthenticationMode.None;
            if (variant?.StartsWith("https", StringComparison.Ordinal) == true)
            {
                phase.Trigger = new Pax.Orchestration.Completion.Triggers.PhaseTriggerOptions { Url = new Uri(variant) };
            }
            else if (variant == "none")
            {
                phase.Processors = [];
            }
            else if (variant == "threshold")
            {
                phase.Threshold = 2;
            }

            o.Phases.Add(phase);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OrchestrationOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "detector", " ocr" }, "Pax:Orchestration:Phases:0:Processors:1 ' ocr' has spaces around it; reports name it exactly, so write 'ocr'.")]
    [InlineData(new[] { "a", "", "b" }, "Pax:Orchestration:Phases:0:Processors:1: processor '' must be 1-200 characters, not start with '_' and hold no control characters.")]
    [InlineData(new[] { "_a" }, "Pax:Orchestration:Phases:0:Processors:0: processor '_a' must be 1-200 characters, not start with '_' and hold no control characters.")]
    [InlineData(new[] { "ocr", "a", "ocr " }, "Pax:Orchestration:Phases:0:Processors names processor 'ocr' more than once (entries 0, 2).")]
    public void Processor_names_are_refused_at_startup_when_empty_invalid_padded_or_repeated(string[] processors, string failure)
    {
        using var provider = new ServiceCollection().AddPaxOrchestration(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Phases.Add(new PhaseDefinition { Name = "phase2", Processors = [.. processors], Trigger = new Pax.Orchestration.Completion.Triggers.PhaseTriggerOptions { Topic = "projects/p/topics/next" } });
        }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OrchestrationOptions>>().Value);

        Assert.Contains(failure, error.Failures);
    }

    [Fact]
    public void The_store_is_Firestore_when_FIRESTORE_EMULATOR_HOST_is_set_and_no_store_is_configured()
    {
        var services = new ServiceCollection()
            .AddPaxGoogleCloud(o => o.FirestoreEmulatorHost = "127.0.0.1:8080")
            .AddPaxOrchestration(o =>
            {
                o.Firestore.ProjectId = "p";
                o.Authentication.Mode = InboundAuthenticationMode.None;
                o.Phases.Add(new PhaseDefinition { Name = "phase2", ExpectedCount = 2, Trigger = new Pax.Orchestration.Completion.Triggers.PhaseTriggerOptions { Topic = "projects/p/topics/next" } });
            });
        using var provider = services.BuildServiceProvider();

        Assert.IsType<FirestoreCompletionStore>(provider.GetRequiredService<ICompletionStore>());
    }
}
