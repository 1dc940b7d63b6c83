using System.Buffers.Binary;
using System.Numerics;

namespace Pax.GoogleCloud.Storage.Internal;

/// <summary>
/// CRC32C (Castagnoli), as Cloud Storage reports it: base64 of the 4-byte big-endian value.
/// Uses <see cref="BitOperations.Crc32C(uint, ulong)"/>, which is hardware-accelerated where available.
/// </summary>
internal static class Crc32c
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= sizeof(ulong))
        {
            // The instruction consumes the value's bytes lowest first, which is the data's order when read little-endian.
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }

    public static string ToBase64(uint crc)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, crc);
        return Convert.ToBase64String(bytes);
    }

    public static string ComputeBase64(ReadOnlySpan<byte> data) => ToBase64(Compute(data));
}
