using System.Globalization;
using System.Text.RegularExpressions;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// A resumable upload's <c>Content-Range</c>: <c>bytes FIRST-LAST/TOTAL</c> (TOTAL may be <c>*</c> while unknown), or a
/// status query <c>bytes */TOTAL</c> / <c>bytes */*</c> with an empty body
/// (cloud.google.com/storage/docs/performing-resumable-uploads#status-check).
/// </summary>
internal sealed partial record FakeGcsContentRange(long? First, long? Last, long? Total)
{
    public bool IsStatusQuery => First is null;

    public static bool TryParse(string? header, out FakeGcsContentRange range)
    {
        range = null!;
        if (header is null)
        {
            return false;
        }

        var match = Pattern().Match(header.Trim());
        if (!match.Success)
        {
            return false;
        }

        long? total = match.Groups["total"].Value == "*" ? null : long.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["first"].Success)
        {
            var first = long.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
            var last = long.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture);
            if (last < first || (total is { } t && last >= t))
            {
                return false;
            }

            range = new FakeGcsContentRange(first, last, total);
            return true;
        }

        range = new FakeGcsContentRange(null, null, total);
        return true;
    }

    [GeneratedRegex(@"^bytes (?:(?<first>\d+)-(?<last>\d+)|\*)/(?<total>\d+|\*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
