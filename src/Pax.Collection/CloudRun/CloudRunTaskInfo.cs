using System.Diagnostics;
using System.Globalization;
using Pax.GoogleCloud.Tracing.Internal;

namespace Pax.Collection.CloudRun;

/// <summary>
/// Where this process sits in a Cloud Run Job execution, from the variables Cloud Run injects into every task:
/// <c>CLOUD_RUN_TASK_INDEX</c>, <c>CLOUD_RUN_TASK_COUNT</c>, <c>CLOUD_RUN_TASK_ATTEMPT</c>, <c>CLOUD_RUN_EXECUTION</c>
/// and <c>CLOUD_RUN_JOB</c>. Outside Cloud Run it describes a single task (index 0 of 1).
/// </summary>
public sealed record CloudRunTaskInfo
{
    /// <summary>Initializes a task's place; <see cref="FromVariables"/> reads it from Cloud Run's variables.</summary>
    /// <param name="index">The 0-based task index, below <paramref name="count"/>.</param>
    /// <param name="count">The number of tasks in the execution, at least 1.</param>
    /// <param name="attempt">The 0-based retry count of this task.</param>
    /// <param name="execution">The execution name, such as <c>collector-abc12</c>, or <see langword="null"/> outside Cloud Run.</param>
    /// <param name="job">The job name, or <see langword="null"/> outside Cloud Run.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative, the count is 0, or the index is not below the count.</exception>
    public CloudRunTaskInfo(int index, int count, int attempt, string? execution, string? job)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        Index = index;
        Count = count;
        Attempt = attempt;
        Execution = execution;
        Job = job;
    }

    /// <summary>Gets the 0-based task index.</summary>
    public int Index { get; }

    /// <summary>Gets the number of tasks in the execution.</summary>
    public int Count { get; }

    /// <summary>Gets the 0-based retry count of this task.</summary>
    public int Attempt { get; }

    /// <summary>Gets the execution name, such as <c>collector-abc12</c>, or <see langword="null"/> outside Cloud Run.</summary>
    public string? Execution { get; }

    /// <summary>Gets the job name, or <see langword="null"/> outside Cloud Run.</summary>
    public string? Job { get; }

    /// <summary>
    /// Gets the trace context the execution was started in (<c>TRACEPARENT</c>, which the Cloud Run Job trigger sets), or
    /// <see langword="null"/>: the collector run span is its child.
    /// </summary>
    internal ActivityContext? TraceContext { get; init; }

    /// <summary>Gets the description of a process that is not part of a multi-task execution: task 0 of 1.</summary>
    public static CloudRunTaskInfo Single { get; } = new(0, 1, 0, null, null);

    /// <summary>Gets a value indicating whether this is one of several tasks.</summary>
    public bool IsSharded => Count > 1;

    /// <summary>Gets the shard of the cameras this task collects.</summary>
    public TaskShard Shard => new(Index, Count);

    /// <summary>Reads the task's place from the process environment.</summary>
    /// <returns>The task info; <see cref="Single"/> values for variables that are not set.</returns>
    /// <exception cref="FormatException">A variable is set to a value that is not a valid number, or the index is not below the count.</exception>
    public static CloudRunTaskInfo FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Reads the task's place from a variable source (the environment, or a test's dictionary).</summary>
    /// <param name="getVariable">Returns a variable's value, or <see langword="null"/> when it is not set.</param>
    /// <returns>The task info.</returns>
    /// <exception cref="FormatException">A variable is set to a value that is not a valid number, or the index is not below the count.</exception>
    public static CloudRunTaskInfo FromVariables(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var index = ReadInt(getVariable, "CLOUD_RUN_TASK_INDEX", 0, minimum: 0);
        var count = ReadInt(getVariable, "CLOUD_RUN_TASK_COUNT", 1, minimum: 1);
        var attempt = ReadInt(getVariable, "CLOUD_RUN_TASK_ATTEMPT", 0, minimum: 0);
        if (index >= count)
        {
            throw new FormatException($"CLOUD_RUN_TASK_INDEX ({index}) must be below CLOUD_RUN_TASK_COUNT ({count}).");
        }

        return new CloudRunTaskInfo(index, count, attempt, NullIfEmpty(getVariable("CLOUD_RUN_EXECUTION")), NullIfEmpty(getVariable("CLOUD_RUN_JOB")))
        {
            TraceContext = TraceContextText.FromEnvironment(getVariable),
        };
    }

    private static int ReadInt(Func<string, string?> getVariable, string name, int fallback, int minimum)
    {
        var text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new FormatException($"{name} is '{text}'; expected a whole number of at least {minimum}.");
        }

        return value;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
