using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>The rejected messages page (<c>/pax/rejected</c>).</summary>
public sealed class RejectedPageTests
{
    [Fact]
    public async Task The_latest_rejections_show_reason_and_the_excerpt_as_escaped_text()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, "/pax/rejected");

        var row = Html.Cells(page.QuerySelector("tbody tr")!);
        Assert.Equal(["2026-02-10 12:05:00 UTC", "m-bad", "contract: runKey is missing", string.Empty, string.Empty, string.Empty, "{\"x\":\"<script>alert('x')</script>\"}"], row);
        Assert.Empty(page.QuerySelectorAll("script"));
    }
}
