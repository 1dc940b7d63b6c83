using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Tests.Internal;

/// <summary>
/// <see cref="StableHash"/> is part of what is stored (a job's shard, a wide tally's counter shard): it must stay FNV-1a,
/// byte for byte, whichever buffer the UTF-8 form goes through.
/// </summary>
public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)] // FNV-1a's offset basis: nothing hashed
    [InlineData("a", 0xe40c292cu)] // the published FNV-1a 32-bit test vectors
    [InlineData("foobar", 0xbf9cf968u)]
    public void Ascii_text_hashes_to_FNV_1a_s_published_values_in_both_forms(string text, uint expected)
    {
        Assert.Equal(expected, StableHash.Utf8(text));
        Assert.Equal(expected, StableHash.Utf16(text));
    }

    [Fact]
    public void Utf8_hashes_the_bytes_of_text_past_the_stack_buffer_the_same_way()
    {
        var longText = new string('x', 300) + "foobar";

        // ASCII: a UTF-8 byte per UTF-16 unit, so both forms agree, whichever buffer Utf8 used.
        Assert.Equal(StableHash.Utf16(longText), StableHash.Utf8(longText));
        Assert.NotEqual(StableHash.Utf16("é"), StableHash.Utf8("é")); // 0xE9 against 0xC3 0xA9
    }
}
