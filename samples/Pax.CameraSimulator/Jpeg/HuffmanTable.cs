namespace Pax.CameraSimulator.Jpeg;

/// <summary>
/// A JPEG Huffman table as stored in a DHT segment (BITS: how many codes of each length 1..16, and HUFFVAL: the
/// symbols in code order), with the canonical codes derived from it (ITU-T T.81 Annex C).
/// </summary>
internal sealed class HuffmanTable
{
    private readonly ushort[] _codes = new ushort[256];
    private readonly byte[] _lengths = new byte[256];

    public HuffmanTable(byte[] counts, byte[] symbols)
    {
        if (counts.Length != 16 || counts.Sum(c => c) != symbols.Length)
        {
            throw new ArgumentException("A Huffman table needs 16 counts that add up to the number of symbols.");
        }

        Counts = counts;
        Symbols = symbols;
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++)
            {
                _codes[symbols[k]] = (ushort)code;
                _lengths[symbols[k]] = (byte)length;
                code++;
                k++;
            }

            code <<= 1;
        }
    }

    /// <summary>Gets BITS: the number of codes of each length 1..16.</summary>
    public byte[] Counts { get; }

    /// <summary>Gets HUFFVAL: the symbols in code order.</summary>
    public byte[] Symbols { get; }

    /// <summary>Writes the code of <paramref name="symbol"/>.</summary>
    public void Write(JpegBitWriter writer, int symbol)
    {
        var length = _lengths[symbol];
        if (length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "The symbol has no code in this table.");
        }

        writer.WriteBits(_codes[symbol], length);
    }
}
