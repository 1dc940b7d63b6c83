using System.Globalization;

namespace Pax.GoogleCloud.Internal;

/// <summary>
/// The JSON form of <c>google.protobuf.Duration</c>: seconds with up to nine fractional digits and an <c>s</c> suffix
/// (<c>180s</c>, <c>1.5s</c>). Pax formats non-negative durations only.
/// </summary>
internal static class GoogleDuration
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private const decimal MaxSeconds = 315_576_000_000m; // google.protobuf.Duration's range: ±10,000 years.

    public static string Format(TimeSpan value)
    {
        var seconds = value.Ticks / TicksPerSecond;
        var fraction = Math.Abs(value.Ticks % TicksPerSecond);
        var text = seconds.ToString(CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "s";
    }

    public static TimeSpan? Parse(string? value)
    {
        if (value is null || !value.EndsWith('s')
            || !decimal.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(seconds) > MaxSeconds)
        {
            return null;
        }

        return TimeSpan.FromTicks((long)(seconds * TicksPerSecond));
    }
}
