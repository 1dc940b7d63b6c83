namespace Pax.GoogleCloud.Internal;

/// <summary>
/// "Did you mean …?": the known name closest to a mistyped one (a configuration key, a processor), or none when nothing
/// is close. Spaces around the given name and letter case count for nothing; otherwise closeness is the edit distance
/// (insertions, deletions, substitutions and swaps of two neighbouring letters), which must stay within a third of the candidate's length (at least 1) and
/// below its whole length, so a short name is never "corrected" into an unrelated one.
/// </summary>
internal static class ClosestName
{
    public static string? Find(string given, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(candidates);
        var wanted = given.Trim();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, given, StringComparison.Ordinal))
            {
                continue;
            }

            var distance = string.Equals(candidate, wanted, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(wanted.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance && distance <= Math.Max(1, candidate.Length / 3) && distance < candidate.Length)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The optimal string alignment distance: Levenshtein's, with a swap of two neighbouring characters as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
