using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Tests.Configuration;

public sealed class ClosestNameTests
{
    [Theory]
    [InlineData("Procesors", "Processors")]
    [InlineData(" ocr", "ocr")]
    [InlineData("OCR", "ocr")]
    [InlineData("Deadlin", "Deadline")]
    [InlineData("detecter", "detector")]
    public void A_name_close_to_a_known_one_is_matched(string given, string meant) =>
        Assert.Equal(meant, ClosestName.Find(given, ["Name", "Processors", "Deadline", "detector", "ocr"]));

    [Theory]
    [InlineData("x")]
    [InlineData("thumbnails")]
    [InlineData("Processors")]
    public void A_name_far_from_every_known_one_or_equal_to_one_is_not(string given) =>
        Assert.Null(ClosestName.Find(given, ["y", "Processors", "ocr"]));
}
