using System.Buffers.Binary;
using System.Text;

namespace Pax.CameraSimulator.Jpeg;

/// <summary>
/// Writes a baseline (SOF0) JFIF JPEG from a <see cref="BlockImage"/>: 4:4:4 YCbCr, the Annex K tables, one DC
/// coefficient per block (all AC coefficients zero, so every block is DC + end-of-block). A COM segment carries a
/// description, and a second COM segment pads the file to a realistic size.
/// </summary>
internal static class BaselineJpegEncoder
{
    private const int MaxSegmentPayload = ushort.MaxValue - 2;
    private const int SegmentOverhead = 4;

    public static byte[] Encode(BlockImage image, string comment, int targetSize)
    {
        using var head = new MemoryStream();
        WriteMarker(head, 0xD8);
        WriteApp0(head);
        WriteQuantizationTables(head);
        WriteFrameHeader(head, image);
        WriteHuffmanTables(head);
        WriteSegment(head, 0xFE, Encoding.ASCII.GetBytes(comment));

        using var scan = new MemoryStream();
        WriteScan(scan, image);
        WriteMarker(scan, 0xD9);

        using var output = new MemoryStream(Math.Max(targetSize, (int)(head.Length + scan.Length)));
        head.WriteTo(output);
        var padding = targetSize - (int)(head.Length + scan.Length) - SegmentOverhead;
        while (padding > 0)
        {
            var size = Math.Min(padding, MaxSegmentPayload);
            WriteSegment(output, 0xFE, Filler(size));
            padding -= size + SegmentOverhead;
        }

        scan.WriteTo(output);
        return output.ToArray();
    }

    private static void WriteApp0(Stream output) =>
        WriteSegment(output, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

    private static void WriteQuantizationTables(Stream output)
    {
        var payload = new byte[2 * 65];
        payload[0] = 0x00;
        payload[65] = 0x01;
        for (var i = 0; i < 64; i++)
        {
            payload[1 + i] = JpegStandardTables.LuminanceQuantization[JpegStandardTables.ZigZag[i]];
            payload[66 + i] = JpegStandardTables.ChrominanceQuantization[JpegStandardTables.ZigZag[i]];
        }

        WriteSegment(output, 0xDB, payload);
    }

    private static void WriteFrameHeader(Stream output, BlockImage image)
    {
        var payload = new byte[15];
        payload[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(1), (ushort)image.Height);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(3), (ushort)image.Width);
        payload[5] = 3;
        byte[] components = [1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1];
        components.CopyTo(payload, 6);
        WriteSegment(output, 0xC0, payload);
    }

    private static void WriteHuffmanTables(Stream output)
    {
        using var payload = new MemoryStream();
        WriteTable(payload, 0x00, JpegStandardTables.LuminanceDc);
        WriteTable(payload, 0x10, JpegStandardTables.LuminanceAc);
        WriteTable(payload, 0x01, JpegStandardTables.ChrominanceDc);
        WriteTable(payload, 0x11, JpegStandardTables.ChrominanceAc);
        WriteSegment(output, 0xC4, payload.ToArray());

        static void WriteTable(Stream s, byte classAndId, HuffmanTable table)
        {
            s.WriteByte(classAndId);
            s.Write(table.Counts);
            s.Write(table.Symbols);
        }
    }

    private static void WriteScan(Stream output, BlockImage image)
    {
        WriteSegment(output, 0xDA, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
        var writer = new JpegBitWriter(output);
        var luma0 = JpegStandardTables.LuminanceQuantization[0];
        var chroma0 = JpegStandardTables.ChrominanceQuantization[0];
        int previousY = 0, previousCb = 0, previousCr = 0;
        for (var i = 0; i < image.Luma.Length; i++)
        {
            previousY = WriteBlock(writer, image.Luma[i], luma0, previousY, JpegStandardTables.LuminanceDc, JpegStandardTables.LuminanceAc);
            previousCb = WriteBlock(writer, image.BlueChroma[i], chroma0, previousCb, JpegStandardTables.ChrominanceDc, JpegStandardTables.ChrominanceAc);
            previousCr = WriteBlock(writer, image.RedChroma[i], chroma0, previousCr, JpegStandardTables.ChrominanceDc, JpegStandardTables.ChrominanceAc);
        }

        writer.Flush();
    }

    /// <summary>Writes one flat block: the DC difference, then end-of-block. Returns the block's quantized DC.</summary>
    private static int WriteBlock(JpegBitWriter writer, byte level, byte quantizer, int previousDc, HuffmanTable dcTable, HuffmanTable acTable)
    {
        // A flat block's DC coefficient is 8 × (level − 128) (T.81 A.3.3 with the level shift).
        var dc = (int)Math.Round(8.0 * (level - 128) / quantizer, MidpointRounding.AwayFromZero);
        var difference = dc - previousDc;
        var magnitude = Math.Abs(difference);
        var category = magnitude == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)magnitude);
        dcTable.Write(writer, category);
        if (category > 0)
        {
            writer.WriteBits(difference > 0 ? difference : difference + (1 << category) - 1, category);
        }

        acTable.Write(writer, 0x00);
        return dc;
    }

    private static byte[] Filler(int size)
    {
        var text = "Pax camera simulator padding; NYCTMC snapshots are 15-20 KB. "u8;
        var filler = new byte[size];
        for (var i = 0; i < size; i++)
        {
            filler[i] = text[i % text.Length];
        }

        return filler;
    }

    private static void WriteMarker(Stream output, byte marker)
    {
        output.WriteByte(0xFF);
        output.WriteByte(marker);
    }

    private static void WriteSegment(Stream output, byte marker, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxSegmentPayload)
        {
            throw new ArgumentException("A JPEG segment holds at most 65,533 bytes.", nameof(payload));
        }

        WriteMarker(output, marker);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        output.Write(length);
        output.Write(payload);
    }
}
