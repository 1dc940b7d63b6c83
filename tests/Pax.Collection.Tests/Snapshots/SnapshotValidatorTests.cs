using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Snapshots;

public sealed class SnapshotValidatorTests
{
    private readonly SnapshotValidator _validator = new(new SnapshotValidationOptions { MinBytes = 16, MaxBytes = 64 });

    private static byte[] Jpeg(int length)
    {
        var bytes = new byte[length];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("IMAGE/JPEG; charset=binary")]
    [InlineData(null)]
    public void Accepts_a_jpeg_within_limits(string? contentType)
    {
        Assert.Equal(SnapshotValidationResult.Valid, _validator.Validate(Jpeg(32), contentType));
    }

    [Fact]
    public void Rejects_a_non_image_content_type()
    {
        var result = _validator.Validate(Jpeg(32), "text/html; charset=utf-8");

        Assert.False(result.IsValid);
        Assert.Contains("text/html", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_images_under_the_minimum_and_over_the_maximum()
    {
        Assert.Contains("under the minimum", _validator.Validate(Jpeg(8), "image/jpeg").Reason, StringComparison.Ordinal);
        Assert.Contains("over the maximum", _validator.Validate(Jpeg(65), "image/jpeg").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_bytes_without_the_start_marker()
    {
        var html = "<html><body>camera offline</body></html>"u8.ToArray();

        Assert.Contains("start-of-image", _validator.Validate(html, "image/jpeg").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_truncated_jpeg_without_the_end_marker()
    {
        var truncated = Jpeg(48)[..40];

        Assert.Contains("truncated", _validator.Validate(truncated, "image/jpeg").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerates_padding_after_the_end_marker()
    {
        var padded = Jpeg(40).Concat(new byte[4]).ToArray();

        Assert.True(_validator.Validate(padded, "image/jpeg").IsValid);
    }
}
