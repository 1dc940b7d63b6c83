using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Tests.Internal;

public sealed class GoogleDurationTests
{
    [Theory]
    [InlineData(180_000, "180s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(0, "0s")]
    [InlineData(15_001, "15.001s")]
    public void Durations_are_written_in_the_JSON_Duration_form(int milliseconds, string expected) =>
        Assert.Equal(expected, GoogleDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("180s", 180_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0.000000001s", 0)]
    public void Durations_are_read_back(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GoogleDuration.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("180")]
    [InlineData("3m")]
    [InlineData("99999999999999999999s")]
    public void Anything_else_reads_as_null(string? text) => Assert.Null(GoogleDuration.Parse(text));
}
