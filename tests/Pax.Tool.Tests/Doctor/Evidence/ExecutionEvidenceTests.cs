using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Run.Internal;
using Pax.Tool.Doctor.Evidence;

namespace Pax.Tool.Tests.Doctor.Evidence;

/// <summary>
/// A Cloud Run job's executions read the way the orchestrator's re-drive reads them (<see cref="CloudRunExecution.FailedOrCancelled"/>):
/// an execution can fail with no task count moving, which only its <c>Completed</c> condition says.
/// </summary>
public sealed class ExecutionEvidenceTests
{
    private const string Job = "projects/p/locations/us-east1/jobs/j";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void An_execution_whose_Completed_condition_failed_with_no_failed_task_reads_failed_not_succeeded()
    {
        var execution = Execution("j-00001", Now.AddMinutes(-5), completed: Now.AddMinutes(-4), "CONDITION_FAILED", "Image 'x' not found.");

        var evidence = ExecutionEvidence.From(Job, [execution], Now);

        Assert.Equal(
            "Latest 1 execution(s): 1 failed, 0 succeeded, 0 running; the latest, j-00001, created 2026-12-06 10:25:00 UTC (5 min ago), "
            + "failed with no failed task (its Completed condition is CONDITION_FAILED: Image 'x' not found.).",
            Assert.Single(evidence.Lines));
        Assert.Contains("its latest finished execution, j-00001", evidence.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_execution_without_a_completion_time_reads_failed_not_running()
    {
        var execution = Execution("j-00002", Now.AddMinutes(-3), completed: null, "CONDITION_FAILED", null);

        var evidence = ExecutionEvidence.From(Job, [execution], Now);

        Assert.Contains("1 failed, 0 succeeded, 0 running", Assert.Single(evidence.Lines), StringComparison.Ordinal);
        Assert.EndsWith("failed with no failed task (its Completed condition is CONDITION_FAILED).", evidence.Lines[0], StringComparison.Ordinal);
        Assert.NotNull(evidence.Failure);
    }

    [Fact]
    public void A_completed_execution_whose_Completed_condition_never_succeeded_did_not_succeed()
    {
        var execution = Execution("j-00003", Now.AddMinutes(-3), completed: Now.AddMinutes(-1), "CONDITION_RECONCILING", null);

        var evidence = ExecutionEvidence.From(Job, [execution], Now);

        Assert.EndsWith("did not succeed (its Completed condition is CONDITION_RECONCILING).", Assert.Single(evidence.Lines), StringComparison.Ordinal);
        Assert.NotNull(evidence.Failure);
    }

    [Theory]
    [InlineData("CONDITION_SUCCEEDED", true, "succeeded")]
    [InlineData("CONDITION_PENDING", false, "is running")]
    [InlineData(null, false, "is running")] // no conditions at all: only the completion time tells
    [InlineData(null, true, "succeeded")]
    public void Running_and_succeeded_executions_are_not_failures(string? state, bool completed, string outcome)
    {
        var execution = Execution("j-00004", Now.AddMinutes(-3), completed ? Now.AddMinutes(-1) : null, state, null);

        var evidence = ExecutionEvidence.From(Job, [execution], Now);

        Assert.EndsWith($"{outcome}.", Assert.Single(evidence.Lines), StringComparison.Ordinal);
        Assert.Null(evidence.Failure);
    }

    private static CloudRunExecution Execution(string id, DateTimeOffset created, DateTimeOffset? completed, string? state, string? message) => new()
    {
        Name = $"{Job}/executions/{id}",
        CreateTime = created.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        CompletionTime = completed?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        Conditions = state is null ? null : [new CloudRunCondition { Type = CloudRunCondition.Completed, State = state, Message = message }],
    };
}
