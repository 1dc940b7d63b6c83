using System.Text;
using Pax.GoogleCloud.Storage.Internal;

namespace Pax.GoogleCloud.Tests.Storage.Internal;

public sealed class Crc32cTests
{
    [Theory]
    [InlineData("", "AAAAAA==")]
    [InlineData("data", "rth90Q==")]
    [InlineData("123456789", "4waSgw==")]
    public void Matches_the_published_vectors(string text, string expected)
    {
        Assert.Equal(expected, Crc32c.ComputeBase64(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Matches_the_standard_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32c.Compute("123456789"u8));
    }

    [Fact]
    public void Agrees_with_a_bitwise_reference_for_every_length_and_alignment()
    {
        var data = new byte[300];
        new Random(42).NextBytes(data);
        for (var start = 0; start < 9; start++)
        {
            for (var length = 0; length <= data.Length - start; length += 7)
            {
                var slice = data.AsSpan(start, length);
                Assert.Equal(BitwiseCrc32c(slice), Crc32c.Compute(slice));
            }
        }
    }

    private static uint BitwiseCrc32c(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        return ~crc;
    }
}
