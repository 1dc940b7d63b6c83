namespace Pax.CameraSimulator.Internal;

/// <summary>A deterministic 64-bit mix (SplitMix64), the same on every run and machine, for seeded choices.</summary>
internal static class StableHash
{
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Mix(ulong a, ulong b) => Mix(Mix(a) ^ b);

    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b) ^ c);

    /// <summary>Maps a hash to [0, 1).</summary>
    public static double ToUnit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
