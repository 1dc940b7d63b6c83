using Pax.CameraSimulator.Internal;

namespace Pax.IntegrationTests.Simulator;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("40", 40)]
    [InlineData("00:00:00.250", 250)]
    public void Reads_durations_with_units_or_as_TimeSpan(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("-5ms")]
    [InlineData("NaNs")]
    public void Refuses_what_is_not_a_duration(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
