namespace Pax.CameraSimulator.Jpeg;

/// <summary>Writes entropy-coded bits most-significant first, stuffing a 0x00 after every 0xFF byte (T.81 F.1.2.3).</summary>
internal sealed class JpegBitWriter(Stream output)
{
    private uint _buffer;
    private int _count;

    public void WriteBits(int bits, int length)
    {
        for (var i = length - 1; i >= 0; i--)
        {
            _buffer = (_buffer << 1) | (uint)((bits >> i) & 1);
            _count++;
            if (_count == 8)
            {
                EmitByte((byte)_buffer);
                _buffer = 0;
                _count = 0;
            }
        }
    }

    /// <summary>Pads the last byte with 1 bits, as the standard asks.</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            WriteBits(0xFF, 8 - _count);
        }
    }

    private void EmitByte(byte value)
    {
        output.WriteByte(value);
        if (value == 0xFF)
        {
            output.WriteByte(0x00);
        }
    }
}
