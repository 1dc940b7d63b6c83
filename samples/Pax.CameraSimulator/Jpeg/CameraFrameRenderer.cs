using Pax.CameraSimulator.Internal;

namespace Pax.CameraSimulator.Jpeg;

/// <summary>
/// Draws a 352×240 street scene in 8×8 blocks: sky, a skyline and a road whose shapes and tint come from the
/// camera, and light, traffic and a slot counter strip that change with every schedule slot. Offline cameras get
/// one shared placeholder.
/// </summary>
internal static class CameraFrameRenderer
{
    public const int Width = 352;
    public const int Height = 240;
    private const int Columns = Width / 8;
    private const int Rows = Height / 8;

    public static BlockImage RenderScene(ulong cameraKey, long slot)
    {
        var image = new BlockImage(Width, Height);
        var hourOfDay = (((slot % 48) + 48) % 48) / 2.0;
        var daylight = 0.25 + (0.75 * Math.Max(0, Math.Sin(Math.PI * (hourOfDay - 6) / 12)));
        var horizon = 9 + (int)(cameraKey % 5);
        var tint = (int)(StableHash.Mix(cameraKey, 1) % 41) - 20;
        var vanishing = 10 + (int)(StableHash.Mix(cameraKey, 2) % (Columns - 20));
        for (var column = 0; column < Columns; column++)
        {
            var building = horizon - 2 - (int)(StableHash.Mix(cameraKey, 100, (ulong)column / 3) % (ulong)(horizon - 3));
            for (var row = 0; row < Rows; row++)
            {
                var (y, cb, cr) = row < building ? Sky(row, horizon, daylight)
                    : row < horizon ? Building(cameraKey, slot, column, row, daylight, tint)
                    : Road(slot, column, row, horizon, vanishing, daylight);
                image.Set(column, row, y, cb, cr);
            }
        }

        DrawTraffic(image, cameraKey, slot, horizon);
        DrawCounterStrip(image, cameraKey, slot);
        return image;
    }

    public static BlockImage RenderPlaceholder()
    {
        var image = new BlockImage(Width, Height);
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                var band = row is >= 12 and <= 17;
                var cross = Math.Abs((column * Rows) - (row * Columns)) < Columns || Math.Abs(((Columns - 1 - column) * Rows) - (row * Columns)) < Columns;
                image.Set(column, row, (byte)(band ? 60 : cross ? 170 : 110), 128, 128);
            }
        }

        return image;
    }

    private static (byte Y, byte Cb, byte Cr) Sky(int row, int horizon, double daylight) =>
        (Level((150 + (80.0 * (horizon - row) / horizon)) * daylight), Level(128 + (30 * daylight)), Level(128 - (12 * daylight)));

    private static (byte Y, byte Cb, byte Cr) Building(ulong cameraKey, long slot, int column, int row, double daylight, int tint)
    {
        var lit = daylight < 0.6 && StableHash.Mix(StableHash.Mix(cameraKey, (ulong)slot), (ulong)column, (ulong)row) % 3 == 0;
        return lit ? ((byte)210, (byte)110, (byte)150) : (Level((70 + (row % 2 * 12)) * (0.5 + daylight)), Level(128 + tint), Level(128 - tint));
    }

    private static (byte Y, byte Cb, byte Cr) Road(long slot, int column, int row, int horizon, int vanishing, double daylight)
    {
        var depth = row - horizon + 1;
        var lane = Math.Abs(column - vanishing) % Math.Max(2, depth) == 0 && ((row + slot) % 3 != 0);
        return lane ? Level3(200 * Math.Max(daylight, 0.6)) : (Level((60 + (depth * 2)) * (0.4 + daylight)), (byte)126, (byte)128);
    }

    private static void DrawTraffic(BlockImage image, ulong cameraKey, long slot, int horizon)
    {
        var traffic = StableHash.Mix(cameraKey, (ulong)slot, 7);
        var cars = 3 + (int)(traffic % 8);
        for (var i = 0; i < cars; i++)
        {
            var car = StableHash.Mix(traffic, (ulong)i);
            var row = horizon + 1 + (int)(car % (ulong)(Rows - horizon - 3));
            var column = (int)((car >> 16) % (Columns - 3));
            var (y, cb, cr) = ((byte)(60 + ((car >> 32) % 180)), (byte)(40 + ((car >> 40) % 176)), (byte)(40 + ((car >> 48) % 176)));
            for (var dx = 0; dx < 3; dx++)
            {
                image.Set(column + dx, row, y, cb, cr);
            }
        }
    }

    /// <summary>The bottom row shows the camera's key (left) and the slot number (right) as bright/dark blocks.</summary>
    private static void DrawCounterStrip(BlockImage image, ulong cameraKey, long slot)
    {
        for (var bit = 0; bit < Columns / 2; bit++)
        {
            var cameraBit = ((cameraKey >> bit) & 1) == 1;
            var slotBit = ((slot >> bit) & 1) == 1;
            image.Set(bit, Rows - 1, (byte)(cameraBit ? 230 : 20), 128, 128);
            image.Set((Columns / 2) + bit, Rows - 1, (byte)(slotBit ? 230 : 20), 150, 100);
        }
    }

    private static byte Level(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    private static (byte Y, byte Cb, byte Cr) Level3(double y) => (Level(y), 128, 128);
}
