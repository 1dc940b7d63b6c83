using AngleSharp.Dom;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Security;

/// <summary>Every page carries a strict Content-Security-Policy and references nothing outside the dashboard.</summary>
public sealed class ContentSecurityTests
{
    public static TheoryData<string> Pages => ["/pax", "/pax/jobs", "/pax/rejected", "/pax/phases/collect/2026-02-10", "/pax/search?q=2026-02", "/pax/instances", "/pax?state=open&from=2026-02-10", "/pax/pulse"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_a_strict_policy_whose_style_nonce_matches_its_only_stylesheet(string path)
    {
        await using var server = await DashboardServer.StartAsync();
        await server.SeedAsync();

        var (response, page) = await Html.GetAsync(server.Client, path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var style = Assert.Single(page.QuerySelectorAll("style"));
        Assert.Equal($"default-src 'none'; style-src 'nonce-{style.GetAttribute("nonce")}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_script_and_every_reference_stays_under_the_dashboard(string path)
    {
        await using var server = await DashboardServer.StartAsync(o => o.AllowActions = true);
        await server.SeedAsync();

        var (_, page) = await Html.GetAsync(server.Client, path);

        Assert.Empty(page.QuerySelectorAll("script, img, link, iframe, object, embed, [style], [onclick], [onload]"));
        var references = page.QuerySelectorAll("[href], [src], [action]").Select(Reference).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("/pax", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_responses_get_two_nonces_and_auto_refresh_is_a_meta_tag()
    {
        await using var server = await DashboardServer.StartAsync(o => o.AutoRefresh = TimeSpan.FromSeconds(30));

        var (_, first) = await Html.GetAsync(server.Client, "/pax");
        var (_, second) = await Html.GetAsync(server.Client, "/pax");

        Assert.NotEqual(first.QuerySelector("style")!.GetAttribute("nonce"), second.QuerySelector("style")!.GetAttribute("nonce"));
        Assert.Equal("30", first.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task JSON_answers_carry_the_policy_too()
    {
        await using var server = await DashboardServer.StartAsync();

        var response = await server.Client.GetAsync("/pax/api/phases", TestContext.Current.CancellationToken);

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    private static string Reference(IElement e) => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!;
}
