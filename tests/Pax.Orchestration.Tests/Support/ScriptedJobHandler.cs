using System.Collections.Concurrent;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Tests.Support;

/// <summary>A job handler that records every run and behaves as the test says (succeeds by default).</summary>
public sealed class ScriptedJobHandler : IScheduledJobHandler
{
    public const string Type = "test";

    public ConcurrentQueue<(string JobId, DateTimeOffset ScheduledFor, int Attempt)> Runs { get; } = new();

    public Func<ScheduledJobContext, CancellationToken, Task> Behavior { get; set; } = (_, _) => Task.CompletedTask;

    public int RunsOf(string jobId) => Runs.Count(r => r.JobId == jobId);

    public async Task ExecuteAsync(ScheduledJobContext context, CancellationToken cancellationToken)
    {
        Runs.Enqueue((context.Job.Id, context.ScheduledFor, context.Attempt));
        await Behavior(context, cancellationToken);
    }
}
