using Pax.Analyzers.Deployment;

namespace Pax.Analyzers.Tests.Deployment;

public sealed class TargetHostTests
{
    private const char U = UnknownText.Marker;

    [Theory]
    [InlineData("https://run.googleapis.com/v2/projects/p/locations/l/jobs/j:run", "GoogleApi")]
    [InlineData("https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/j:run", "GoogleApi")]
    [InlineData("HTTPS://RUN.GOOGLEAPIS.COM:443/v2/x", "GoogleApi")]
    [InlineData("https://svc-abc123-uc.a.run.app/cron", "CloudRun")]
    [InlineData("https://us-central1-p.cloudfunctions.net/f", "CloudRun")]
    [InlineData("https://example.com/run.googleapis.com", "Other")]
    [InlineData("https://googleapis.com.evil.example/x", "Other")]
    [InlineData("run.googleapis.com/v2/x", "Other")]
    [InlineData("", "Other")]
    [InlineData(null, "Other")]
    public void Classifies_known_hosts(string? url, string expected) => Assert.Equal(expected, TargetHost.Classify(url).ToString());

    [Fact]
    public void Unknown_parts_before_a_known_suffix_still_classify()
    {
        Assert.Equal(TargetKind.GoogleApi, TargetHost.Classify($"https://{U}-run.googleapis.com/apis/x"));
        Assert.Equal(TargetKind.CloudRun, TargetHost.Classify(UnknownText.CloudRunServiceUrl + "/push"));
        Assert.Equal(TargetKind.Other, TargetHost.Classify($"https://{U}/v2/x:run"));
        Assert.Equal(TargetKind.Other, TargetHost.Classify($"{U}/v2/x:run"));
    }

    [Fact]
    public void Origin_is_known_only_when_the_host_is()
    {
        Assert.Equal("https://svc-abc-uc.a.run.app", TargetHost.Origin("https://svc-abc-uc.a.run.app/cron/tick?x=1"));
        Assert.Null(TargetHost.Origin($"https://{U}.run.app/cron"));
    }
}
