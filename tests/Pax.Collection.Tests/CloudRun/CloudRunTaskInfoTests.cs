using Pax.Collection.CloudRun;

namespace Pax.Collection.Tests.CloudRun;

public sealed class CloudRunTaskInfoTests
{
    [Fact]
    public void Reads_the_variables_cloud_run_injects()
    {
        var variables = new Dictionary<string, string>
        {
            ["CLOUD_RUN_TASK_INDEX"] = "2",
            ["CLOUD_RUN_TASK_COUNT"] = "5",
            ["CLOUD_RUN_TASK_ATTEMPT"] = "1",
            ["CLOUD_RUN_EXECUTION"] = "collector-abc12",
            ["CLOUD_RUN_JOB"] = "collector",
        };

        var task = CloudRunTaskInfo.FromVariables(variables.GetValueOrDefault);

        Assert.Equal(new CloudRunTaskInfo(2, 5, 1, "collector-abc12", "collector"), task);
        Assert.True(task.IsSharded);
        Assert.Equal(new TaskShard(2, 5), task.Shard);
    }

    [Fact]
    public void Outside_cloud_run_it_is_task_0_of_1()
    {
        Assert.Equal(CloudRunTaskInfo.Single, CloudRunTaskInfo.FromVariables(_ => null));
    }

    [Theory]
    [InlineData("x", "3", "CLOUD_RUN_TASK_INDEX")]
    [InlineData("-1", "3", "CLOUD_RUN_TASK_INDEX")]
    [InlineData("0", "0", "CLOUD_RUN_TASK_COUNT")]
    [InlineData("3", "3", "must be below")]
    public void Bad_values_fail_with_the_variable_named(string index, string count, string expected)
    {
        var variables = new Dictionary<string, string> { ["CLOUD_RUN_TASK_INDEX"] = index, ["CLOUD_RUN_TASK_COUNT"] = count };

        var error = Assert.Throws<FormatException>(() => CloudRunTaskInfo.FromVariables(variables.GetValueOrDefault));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 3, 0)]
    [InlineData(3, 3, 0)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 1, -1)]
    public void The_constructor_refuses_a_place_that_cannot_be(int index, int count, int attempt)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CloudRunTaskInfo(index, count, attempt, null, null));
    }
}
