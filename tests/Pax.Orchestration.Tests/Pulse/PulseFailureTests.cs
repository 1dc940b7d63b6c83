using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Internal;
using Pax.Orchestration.Pulse;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Tests.Pulse;

/// <summary>A counter write never fails or slows a report: a pulse store that throws or hangs leaves the report recorded, and a failure is logged (4060) and counted.</summary>
public sealed class PulseFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pulse_store_that_throws_leaves_the_report_recorded_and_is_logged_and_counted()
    {
        var pulse = new ScriptedPulseStore { Failure = new InvalidOperationException("pulse store down") };
        await using var services = Services(pulse, out var directory);
        using var failures = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), OrchestrationMetrics.MeterName, "pax.orchestration.pulse.write_failures");

        var receipt = await services.GetRequiredService<CompletionTally>().RecordAsync(new CompletionMessage("collect", "a", "k1", CompletionStatus.Succeeded, "m1"), Ct);
        await services.GetRequiredKeyedService<PulseRecorder>(PulseScopes.PhasesKey).FlushAsync();

        Assert.Equal(ReportDisposition.Recorded, receipt.Disposition);
        Assert.NotNull(await services.GetRequiredService<ICompletionStore>().GetAsync("collect", "k1", Ct));
        var logged = Assert.Single(services.GetRequiredService<FakeLogCollector>().GetSnapshot(), r => r.Id.Id == 4060);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("1 counts", logged.Message, StringComparison.Ordinal);
        Assert.Equal(1, failures.GetMeasurementSnapshot().EvaluateAsCounter());
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_pulse_store_that_hangs_does_not_hold_up_reports()
    {
        var pulse = new ScriptedPulseStore { Hang = new TaskCompletionSource() };
        await using var services = Services(pulse, out var directory);
        var tally = services.GetRequiredService<CompletionTally>();

        // The first count starts a write that never ends; every report after it still completes.
        for (var i = 0; i < 5; i++)
        {
            var receipt = await tally.RecordAsync(new CompletionMessage("collect", "a", "k" + i, CompletionStatus.Succeeded, "m" + i), Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.Equal(ReportDisposition.Recorded, receipt.Disposition);
        }

        await pulse.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        pulse.Hang.SetResult();
        Directory.Delete(directory, recursive: true);
    }

    private static ServiceProvider Services(ScriptedPulseStore pulse, out string directory)
    {
        directory = Path.Combine(Path.GetTempPath(), "pax-pulse-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "tallies.db");
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddFakeLogging());
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero)));
        services.AddKeyedSingleton(PulseScopes.PhasesKey, (sp, _) => new PulseRecorder(
            "phases", pulse, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Pax.Orchestration.Pulse"), sp.GetRequiredService<IMeterFactory>()));
        services.AddPaxOrchestration(o =>
        {
            o.Store = OrchestrationStoreKind.Sqlite;
            o.Sqlite.Path = path;
            o.Authentication.Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None;
            o.Phases.Add(new PhaseDefinition { Name = "collect", Processors = ["a", "b"], CustomTrigger = new Support.RecordingTrigger() });
        });
        return services.BuildServiceProvider();
    }

    private sealed class ScriptedPulseStore : IPulseStore
    {
        public Exception? Failure { get; init; }

        public TaskCompletionSource? Hang { get; init; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task AddAsync(IReadOnlyList<PulseBucket> deltas, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            if (Hang is not null)
            {
                await Hang.Task;
            }

            if (Failure is not null)
            {
                throw Failure;
            }
        }

        public Task<(IReadOnlyList<PulseBucket> Buckets, bool Truncated)> ReadSinceAsync(DateTimeOffset fromHour, int limit, CancellationToken cancellationToken) => Task.FromResult<(IReadOnlyList<PulseBucket>, bool)>(([], false));

        public Task<int> DeleteBeforeAsync(DateTimeOffset beforeHour, int limit, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
