using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Hosting;

namespace Pax.Orchestration.Tests.DependencyInjection;

/// <summary>How wide a phase may be, said at startup: the widest a tally takes, and a store that cannot keep the wide layout.</summary>
public sealed class WideFanInConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(10_000, null)]
    [InlineData(10_001, "Pax:Orchestration:Phases:0:ExpectedCount must be between 1 and 10000")]
    public void A_phase_may_expect_up_to_10000_processors(int expected, string? failure)
    {
        using var provider = Services(expected).BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<OrchestrationOptions>>().Value;

        if (failure is null)
        {
            Assert.Equal(expected, read().Phases[0].ExpectedCount);
        }
        else
        {
            Assert.Contains(Assert.Throws<OptionsValidationException>(read).Failures, f => f.StartsWith(failure, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_wide_phase_on_a_store_without_the_wide_layout_fails_at_startup_naming_the_key_and_the_fix()
    {
        var services = new ServiceCollection().AddSingleton<ICompletionStore, NarrowOnlyStore>();
        using var provider = Services(51, services).BuildServiceProvider();
        var startup = provider.GetServices<IHostedService>().OfType<OrchestrationStartup>().Single();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => startup.StartAsync(Ct));

        Assert.StartsWith("Pax:Orchestration:Phases:0:ExpectedCount is 51 processors: more than 50 need the wide tally layout", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(NarrowOnlyStore).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("Use Pax:Orchestration:Store Firestore or Sqlite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phase_of_50_keeps_the_narrow_layout_which_every_store_keeps_so_the_store_is_not_even_resolved()
    {
        var phases = new[] { new PhaseDefinition { Name = "p", ExpectedCount = CompletionLimits.MaxNarrowFanIn }, new PhaseDefinition { Name = "q", Processors = ["a", "b"] } };

        Assert.Null(OrchestrationStartup.WideFanInProblem(phases, () => throw new InvalidOperationException("not resolved for narrow phases")));
    }

    private static IServiceCollection Services(int expected, IServiceCollection? services = null) =>
        (services ?? new ServiceCollection()).AddPaxOrchestration(o =>
        {
            o.Authentication.Mode = InboundAuthenticationMode.None;
            o.Sqlite.Path = Path.Combine(Path.GetTempPath(), "pax-wide-" + Guid.NewGuid().ToString("N"), "t.db");
            o.Phases.Add(new PhaseDefinition { Name = "wide", ExpectedCount = expected, Trigger = new PhaseTriggerOptions { Topic = "projects/p/topics/next" } });
        });

    /// <summary>A store of a user's own: it keeps the narrow layout only (no call reaches it in these tests).</summary>
    private sealed class NarrowOnlyStore : ICompletionStore
    {
        public Task<TallyWriteResult> RecordAsync(string phase, string runKey, ProcessorCompletion completion, ClaimOnCompletion? claim, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredTally?> GetAsync(string phase, string runKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryClaimAsync(string phase, string runKey, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TriggerError?> RecordTriggerFailureAsync(string phase, string runKey, DateTimeOffset at, string message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkTriggeredAsync(string phase, string runKey, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredTally>> ListUntriggeredAsync(string phase, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> FindRecordedRunKeysAsync(string phase, IReadOnlyCollection<string> runKeys, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DateTimeOffset> RecordPhaseDeploymentAsync(string phase, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordRejectedAsync(RejectedMessage rejected, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
