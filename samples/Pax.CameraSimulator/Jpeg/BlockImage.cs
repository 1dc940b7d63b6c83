namespace Pax.CameraSimulator.Jpeg;

/// <summary>
/// An image made of flat 8×8 blocks in YCbCr: one level (0–255) per block and component. That is exactly what a
/// DC-only baseline JPEG can hold, so <see cref="BaselineJpegEncoder"/> encodes it without loss beyond quantization.
/// </summary>
internal sealed class BlockImage
{
    public BlockImage(int width, int height)
    {
        if (width <= 0 || height <= 0 || width % 8 != 0 || height % 8 != 0 || width > ushort.MaxValue || height > ushort.MaxValue)
        {
            throw new ArgumentException("Width and height must be positive multiples of 8.");
        }

        Width = width;
        Height = height;
        Luma = new byte[BlocksAcross * BlocksDown];
        BlueChroma = new byte[Luma.Length];
        RedChroma = new byte[Luma.Length];
        Array.Fill(BlueChroma, (byte)128);
        Array.Fill(RedChroma, (byte)128);
    }

    public int Width { get; }

    public int Height { get; }

    public int BlocksAcross => Width / 8;

    public int BlocksDown => Height / 8;

    /// <summary>Gets the Y level of each block, row by row.</summary>
    public byte[] Luma { get; }

    /// <summary>Gets the Cb level of each block (128 is neutral).</summary>
    public byte[] BlueChroma { get; }

    /// <summary>Gets the Cr level of each block (128 is neutral).</summary>
    public byte[] RedChroma { get; }

    public void Set(int column, int row, byte y, byte cb, byte cr)
    {
        var index = (row * BlocksAcross) + column;
        Luma[index] = y;
        BlueChroma[index] = cb;
        RedChroma[index] = cr;
    }
}
