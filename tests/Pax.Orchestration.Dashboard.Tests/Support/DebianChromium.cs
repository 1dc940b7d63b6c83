using Microsoft.Playwright;

namespace Pax.Orchestration.Dashboard.Tests.Support;

/// <summary>
/// Launches Debian's Chromium (<c>apt-get install -y chromium</c>, <c>/usr/bin/chromium</c>) through Playwright; Playwright's
/// own browser download is never used (it cannot work here). Without Chromium the test is skipped with the reason,
/// except under <c>CI=true</c>, where that is a failure.
/// </summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            const string reason = $"Chromium is not installed at {ExecutablePath} (apt-get install -y chromium; .ci/run does it).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
