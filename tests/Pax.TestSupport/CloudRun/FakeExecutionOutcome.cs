namespace Pax.TestSupport.CloudRun;

/// <summary>How a Cloud Run job execution a test adds ended, as the v2 Execution resource shows it (counts, <c>completionTime</c>, <c>conditions</c>).</summary>
public enum FakeExecutionOutcome
{
    /// <summary>Its task succeeded: <c>succeededCount</c> 1, every condition <c>CONDITION_SUCCEEDED</c>.</summary>
    Succeeded,

    /// <summary>Its task failed all its attempts: <c>failedCount</c> 1, <c>Completed</c> <c>CONDITION_FAILED</c> (<c>NON_ZERO_EXIT_CODE</c>).</summary>
    TaskFailed,

    /// <summary>It failed before any task ran (an image that could not be pulled): no task count, <c>ResourcesAvailable</c> and <c>Completed</c> <c>CONDITION_FAILED</c>.</summary>
    FailedBeforeAnyTask,

    /// <summary>It still runs: no <c>completionTime</c>, <c>Completed</c> pending.</summary>
    Running,
}
