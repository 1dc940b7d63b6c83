using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pax.Orchestration.Dashboard.Tests.Support;

/// <summary>GETs a page and parses it with AngleSharp.</summary>
public static class Html
{
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string path, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, new HtmlParser().ParseDocument(text));
    }

    /// <summary>The text of each cell of <paramref name="row"/> (header and data cells), trimmed.</summary>
    public static List<string> Cells(IElement row) => row.Children.Select(c => c.TextContent.Trim()).ToList();

    /// <summary>The table whose caption is <paramref name="caption"/>.</summary>
    public static IElement Table(IDocument document, string caption) =>
        document.QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")?.TextContent.Trim() == caption)
        ?? throw new Xunit.Sdk.XunitException($"No table captioned '{caption}'.");

    /// <summary>The body row whose row header is <paramref name="key"/>.</summary>
    public static IElement Row(IElement table, string key) =>
        table.QuerySelectorAll("tbody tr").SingleOrDefault(r => r.QuerySelector("th")?.TextContent.Trim() == key)
        ?? throw new Xunit.Sdk.XunitException($"No row '{key}'.");

    /// <summary>A JWT as Cloud Run hands it to the container behind IAM: claims readable, signature replaced.</summary>
    public static string CloudRunToken(string email, bool verified = true, long exp = 253402300000) =>
        Base64Url("""{"alg":"RS256","typ":"JWT"}""") + "." +
        Base64Url($$"""{"iss":"https://accounts.google.com","aud":"32555940559.apps.googleusercontent.com","email":"{{email}}","email_verified":{{(verified ? "true" : "false")}},"exp":{{exp}}}""") +
        ".SIGNATURE_REMOVED_BY_GOOGLE";

    private static string Base64Url(string json) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
