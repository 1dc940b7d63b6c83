using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.Orchestration.Scheduling;
using Pax.TestSupport.PubSub;

namespace Pax.Orchestration.Dashboard.Tests.Browser;

/// <summary>The dashboard in a real browser (Debian's Chromium through Playwright), scripts disabled.</summary>
public sealed class DashboardBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_grid_renders_a_run_key_page_opens_from_it_and_nothing_loads_from_another_origin()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();
        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        var console = new List<string>();
        page.Request += (_, r) => requested.Add(r.Url);
        page.Console += (_, m) => console.Add(m.Text);

        await page.GotoAsync(new Uri(server.BaseAddress, "/pax").ToString());
        var grid = page.Locator("table", new PageLocatorOptions { Has = page.GetByText("Latest run keys of collect") });
        await Assertions.Expect(grid.GetByRole(AriaRole.Columnheader, new LocatorGetByRoleOptions { Name = "cam-b" })).ToBeVisibleAsync();
        var today = grid.Locator("tbody tr", new LocatorLocatorOptions { Has = page.GetByRole(AriaRole.Rowheader, new PageGetByRoleOptions { Name = "2026-02-10", Exact = true }) });
        await Assertions.Expect(today.Locator("td.st-failed")).ToHaveTextAsync("✗ failed");
        await Screenshot(page, "dashboard-phases.png");

        await grid.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "2026-02-10", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/pax/phases/collect/2026-02-10").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Run key 2026-02-10 · collect");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new PageGetByRoleOptions { Name = "m-b", Exact = true })).ToBeVisibleAsync();
        await Screenshot(page, "dashboard-run-key.png");
        await page.GotoAsync(new Uri(server.BaseAddress, "/pax/rejected").ToString());
        await Screenshot(page, "dashboard-rejected.png");

        var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.StartsWith(origin + "/pax", url, StringComparison.Ordinal));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_run_key_whose_trigger_Google_refused_says_so_in_the_grid_and_shows_the_error_and_the_rejected_reports_on_its_page()
    {
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, Ct);
        pubSub.AddTopic("projects/p/topics/next");
        pubSub.FailNext(1, 403, "PERMISSION_DENIED", "User not authorized to perform this action.");
        await using var server = await DashboardServer.StartAsync(pubSub: pubSub);
        await server.SeedAsync();
        await server.PushAsync("""{"phase":"publish","processor":" x","runKey":"2026-02-10","status":"succeeded"}""", "4711");
        await server.ReportAsync("publish", "x", "2026-02-10", messageId: "4712");
        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(server.BaseAddress, "/pax").ToString());
        var grid = page.Locator("table", new PageLocatorOptions { Has = page.GetByText("Latest run keys of publish") });
        await Assertions.Expect(grid.Locator("tbody tr td span.badge")).ToHaveTextAsync("trigger failed");
        await grid.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "2026-02-10", Exact = true }).ClickAsync();

        var trigger = page.Locator("table", new PageLocatorOptions { Has = page.GetByText("Trigger", new PageGetByTextOptions { Exact = true }) });
        await Assertions.Expect(trigger.GetByRole(AriaRole.Row, new LocatorGetByRoleOptions { Name = "Last trigger error" })).ToContainTextAsync("HTTP 403 PERMISSION_DENIED");
        await Assertions.Expect(trigger.GetByRole(AriaRole.Row, new LocatorGetByRoleOptions { Name = "Failed attempts" })).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByText("did you mean 'x'?")).ToBeVisibleAsync();
        await Screenshot(page, "dashboard-trigger-failed.png");
    }

    [Fact]
    public async Task An_action_works_only_when_allowed()
    {
        await using var allowed = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await using var readOnly = await DashboardServer.StartAsync();
        await allowed.SeedAsync();
        await readOnly.SeedAsync();
        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(allowed.BaseAddress, "/pax/jobs").ToString());
        await Screenshot(page, "dashboard-jobs.png");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Retry job send-report" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pax/jobs\\?result=retry_job$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Job retried: it is pending again, due now.");
        Assert.Equal(ScheduledJobStatus.Pending, (await allowed.Jobs.GetAsync("send-report", Ct))!.Status);

        await page.GotoAsync(new Uri(readOnly.BaseAddress, "/pax/jobs").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Failed" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("form[method=post] button").CountAsync());
        var version = (await readOnly.Jobs.GetAsync("send-report", Ct))!.Version;
        var post = await context.APIRequest.PostAsync(new Uri(readOnly.BaseAddress, $"/pax/actions/jobs/send-report/retry?version={version}").ToString());
        Assert.Equal(403, post.Status);
        Assert.Equal(ScheduledJobStatus.Failed, (await readOnly.Jobs.GetAsync("send-report", Ct))!.Status);
    }

    [Fact]
    public async Task The_search_box_finds_a_run_key_and_a_filter_narrows_the_grid_without_script()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();
        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);

        await page.GotoAsync(new Uri(server.BaseAddress, "/pax/jobs").ToString());
        await page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Find a run key (or its start) or a job id" }).FillAsync("2026-02-1");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/pax/search?q=2026-02-1").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Search: 2026-02-1");
        await Assertions.Expect(page.Locator("main tbody tr")).ToHaveCountAsync(1);
        await Screenshot(page, "dashboard-search.png");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "2026-02-10", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/pax/phases/collect/2026-02-10").ToString());

        await page.GotoAsync(new Uri(server.BaseAddress, "/pax?phase=collect").ToString());
        await page.GetByLabel("State").SelectOptionAsync("triggered");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pax/\\?phase=collect&runKey=&prefix=&state=triggered&from=&until=$"));
        await Assertions.Expect(page.Locator("main tbody tr th")).ToHaveTextAsync(["2026-02-09"]);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Saves a full-page PNG into <c>PAX_DASHBOARD_SCREENSHOTS</c> (the README's docs/images) or a temporary folder, and checks it is one.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("PAX_DASHBOARD_SCREENSHOTS") is { Length: > 0 } target ? target : Path.Combine(Path.GetTempPath(), "pax-dashboard-shots");
        Directory.CreateDirectory(directory);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes.Take(4));
    }
}
