using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// The hashes Cloud Storage reports, computed independently of the product code: a table-driven CRC32C
/// (reflected Castagnoli polynomial 0x82F63B78), base64 of the big-endian value, and MD5 in base64.
/// </summary>
internal static class FakeGcsHashes
{
    private static readonly uint[] Table = BuildTable();

    public static string Crc32c(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, ~crc);
        return Convert.ToBase64String(bytes);
    }

#pragma warning disable CA5351 // MD5 is what the Cloud Storage protocol reports; it is not used for security here.
    public static string Md5(ReadOnlySpan<byte> data) => Convert.ToBase64String(MD5.HashData(data));
#pragma warning restore CA5351

    /// <summary>Returns whether <paramref name="value"/> is base64 of exactly <paramref name="length"/> bytes.</summary>
    public static bool IsBase64OfLength(string value, int length)
    {
        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == length;
    }

    /// <summary>Reads <c>x-goog-hash</c> values (<c>crc32c=…,md5=…</c>, possibly in several headers) into a map.</summary>
    public static Dictionary<string, string> ParseHashHeader(IEnumerable<string> values)
    {
        var hashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                hashes[entry[..separator]] = entry[(separator + 1)..];
            }
        }

        return hashes;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
