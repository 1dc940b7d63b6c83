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

    /// <summary>What to do about the browser: run (<c>(true, null)</c>), skip with the reason, or fail with it (<c>CI=true</c>).</summary>
    public static (bool Skippable, string? Reason) Availability(Func<string, bool> exists, Func<string, string?> environment)
    {
        if (exists(ExecutablePath))
        {
            return (true, null);
        }

        var reason = $"Chromium is not installed at {ExecutablePath} (apt-get install -y chromium; .ci/run does it).";
        return (!string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase), reason);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        switch (Availability(File.Exists, Environment.GetEnvironmentVariable))
        {
            case (false, var reason):
                Assert.Fail(reason);
                break;
            case (true, { } reason):
                Assert.Skip(reason);
                break;
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
