using System.Text;

namespace Pax.Orchestration.Internal;

/// <summary>
/// FNV-1a, 32 bits: a hash that is the same in every process and .NET version (unlike <see cref="string.GetHashCode()"/>),
/// for what is stored or agreed between instances — a wide tally's counter shard, a scheduled job's shard.
/// </summary>
internal static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static uint Utf16(string text)
    {
        var hash = OffsetBasis;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * Prime);
        }

        return hash;
    }

    /// <summary>FNV-1a over the UTF-8 bytes of <paramref name="text"/>, without allocating for ids of up to 256 characters.</summary>
    public static uint Utf8(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> buffer = text.Length <= 256 ? stackalloc byte[max] : new byte[max];
        var hash = OffsetBasis;
        foreach (var b in buffer[..Encoding.UTF8.GetBytes(text, buffer)])
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }
}
