using System.Diagnostics;
using Pax.TestSupport.Tracing;

namespace Pax.Tool.Tests.Doctor;

public sealed class DoctorTracingTests
{
    private static readonly string[] JsonArgs = ["doctor", "--project", DoctorProject.Project, "--region", DoctorProject.Region, "--format", "json"];

    [Fact]
    public async Task Each_read_is_a_span_and_a_read_that_failed_says_why()
    {
        using var spans = new SpanRecorder();
        await using var project = await DoctorProject.StartAsync();
        project.SeedCorrect();
        project.PubSub.DisableApi(DoctorProject.Project);
        using var run = new Activity("pax doctor").Start();

        await project.RunAsync(JsonArgs);

        var reads = spans.InTrace(run.TraceId);
        Assert.All(reads, r => Assert.Equal("Pax.Tool", r.Source.Name));
        Assert.Contains(reads, r => r.DisplayName == "doctor read run.services.list" && r.Status == ActivityStatusCode.Unset);
        var pubSub = Assert.Single(reads, r => r.DisplayName == "doctor read pubsub.subscriptions.list");
        Assert.Equal(ActivityStatusCode.Error, pubSub.Status);
        Assert.Equal("pubsub.googleapis.com", pubSub.GetTagItem("pax.doctor.api"));
        Assert.Contains("pubsub.googleapis.com", pubSub.StatusDescription, StringComparison.Ordinal);
    }
}
