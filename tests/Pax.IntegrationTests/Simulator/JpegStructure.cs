using System.Buffers.Binary;

namespace Pax.IntegrationTests.Simulator;

/// <summary>
/// Walks a JPEG's marker segments the way a decoder does and checks the structure: SOI first, every segment's
/// length inside the file, one SOF0 frame, Huffman and quantization tables, a scan whose entropy data contains only
/// stuffed 0xFF bytes or restart markers, and EOI as the last two bytes.
/// </summary>
internal sealed record JpegStructure(int Width, int Height, int Components, IReadOnlyList<byte> Markers)
{
    public static JpegStructure Parse(byte[] jpeg)
    {
        Check(jpeg.Length >= 4 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "the file does not start with SOI (FF D8)");
        var markers = new List<byte> { 0xD8 };
        int width = 0, height = 0, components = 0;
        var position = 2;
        while (true)
        {
            Check(position + 4 <= jpeg.Length && jpeg[position] == 0xFF, $"no marker at offset {position}");
            var marker = jpeg[position + 1];
            markers.Add(marker);
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
            Check(length >= 2 && position + 2 + length <= jpeg.Length, $"segment FF {marker:X2} at {position} has length {length} past the end");
            var payload = jpeg.AsSpan(position + 4, length - 2);
            if (marker == 0xC0)
            {
                Check(payload[0] == 8, "SOF0 precision is not 8 bits");
                height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
                components = payload[5];
                Check(length == 8 + (3 * components), "SOF0 length does not match its component count");
            }

            position += 2 + length;
            if (marker == 0xDA)
            {
                position = SkipEntropyData(jpeg, position);
                break;
            }
        }

        Check(position == jpeg.Length - 2 && jpeg[^2] == 0xFF && jpeg[^1] == 0xD9, "the scan is not followed by EOI (FF D9) at the end of the file");
        markers.Add(0xD9);
        Check(markers.Count(m => m == 0xC0) == 1, "there is not exactly one SOF0 frame");
        Check(markers.Contains((byte)0xC4) && markers.Contains((byte)0xDB), "Huffman (DHT) or quantization (DQT) tables are missing");
        Check(markers.IndexOf(0xC0) < markers.IndexOf(0xDA), "the scan comes before the frame header");
        return new JpegStructure(width, height, components, markers);
    }

    private static int SkipEntropyData(byte[] jpeg, int position)
    {
        for (var i = position; i < jpeg.Length - 1; i++)
        {
            if (jpeg[i] != 0xFF)
            {
                continue;
            }

            var next = jpeg[i + 1];
            if (next == 0xD9)
            {
                return i;
            }

            Check(next == 0x00 || next is >= 0xD0 and <= 0xD7, $"unstuffed FF {next:X2} inside the entropy-coded data at {i}");
            i++;
        }

        throw new InvalidDataException("the entropy-coded data never ends");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException(problem);
        }
    }
}
