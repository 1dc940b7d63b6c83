using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.GoogleRest.Internal;

/// <summary>
/// List paging as Google's list methods do it (AIP-158, google.aip.dev/158): <c>pageSize</c> is an upper bound (the
/// server may return fewer; a negative value is refused), <c>pageToken</c> is opaque and only valid for the same list
/// (other parameters must match), a token the server did not issue is refused with 400 <c>INVALID_ARGUMENT</c>, and
/// <c>nextPageToken</c> is absent on the last page.
/// </summary>
internal static class FakePages
{
    /// <summary>Answers one page of <paramref name="items"/> as <c>{"{field}":[…],"nextPageToken":"…"}</c> (an empty list: <c>{}</c>).</summary>
    /// <param name="request">The list request.</param>
    /// <param name="parent">The list's parent, bound into the token.</param>
    /// <param name="field">The repeated field's name, such as <c>jobs</c>.</param>
    /// <param name="items">Every item, in the list's order.</param>
    /// <param name="serverMaxPageSize">The most the server returns per page, whatever pageSize asks.</param>
    /// <param name="allowedQuery">Query parameters the method takes besides pageSize and pageToken.</param>
    public static RestResponse Answer(RecordedRestRequest request, string parent, string field, IReadOnlyList<JsonNode> items, int serverMaxPageSize, params string[] allowedQuery)
    {
        if (request.Query.Keys.FirstOrDefault(k => k is not ("pageSize" or "pageToken") && !allowedQuery.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return RestResponse.InvalidArgument($"Invalid JSON payload received. Unknown name \"{unknown}\": Cannot bind query parameter.");
        }

        if (request.Body.Length > 0)
        {
            return RestResponse.InvalidArgument("The request body of a list method must be empty.");
        }

        var size = serverMaxPageSize;
        if (request.Query.TryGetValue("pageSize", out var sizeText))
        {
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var asked))
            {
                return RestResponse.InvalidArgument($"Invalid value at 'page_size' (TYPE_INT32), \"{sizeText}\"");
            }

            size = asked == 0 ? serverMaxPageSize : Math.Min(asked, serverMaxPageSize);
        }

        var offset = 0;
        if (request.Query.TryGetValue("pageToken", out var token) && token.Length > 0 && !TryReadToken(token, parent, out offset))
        {
            return RestResponse.InvalidArgument($"The page token '{token}' is not valid for this list.");
        }

        var page = items.Skip(offset).Take(size).Select(i => i.DeepClone()).ToArray();
        var body = new JsonObject();
        if (page.Length > 0)
        {
            body[field] = new JsonArray(page);
        }

        if (offset + page.Length < items.Count)
        {
            body["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset + page.Length}|{parent}"));
        }

        return RestResponse.Json(body);
    }

    private static bool TryReadToken(string token, string parent, out int offset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 2);
            return parts.Length == 2 && parts[1] == parent && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
