namespace Pax.Orchestration.Dashboard.Tests.Support;

/// <summary>POSTs to an action path with a valid antiforgery token and cookie taken from a page's first form.</summary>
public static class DashboardForms
{
    public static async Task<HttpResponseMessage> PostWithTokenAsync(DashboardServer server, string path, string pagePath = "/pax/jobs")
    {
        var (page, document) = await Html.GetAsync(server.Client, pagePath);
        var cookie = page.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var form = document.QuerySelector("form[method=post]") ?? throw new Xunit.Sdk.XunitException($"No form on {pagePath}.");
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookie);
        return await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
