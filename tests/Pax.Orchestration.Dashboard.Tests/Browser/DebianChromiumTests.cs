using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Browser;

/// <summary>The browser test runs on Debian's Chromium, skips without it, and fails without it under CI=true.</summary>
public sealed class DebianChromiumTests
{
    [Fact]
    public void With_Chromium_the_test_runs()
    {
        Assert.Equal((true, null), DebianChromium.Availability(path => path == "/usr/bin/chromium", _ => "true"));
    }

    [Fact]
    public void Without_Chromium_the_test_skips_with_the_reason_but_fails_under_CI()
    {
        var local = DebianChromium.Availability(_ => false, _ => null);
        var ci = DebianChromium.Availability(_ => false, name => name == "CI" ? "true" : null);

        Assert.Equal((true, "Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium; .ci/run does it)."), local);
        Assert.Equal((false, local.Reason), ci);
    }
}
