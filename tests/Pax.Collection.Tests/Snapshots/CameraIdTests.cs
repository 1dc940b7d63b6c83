using Pax.Collection.Snapshots;

namespace Pax.Collection.Tests.Snapshots;

public sealed class CameraIdTests
{
    [Theory]
    [InlineData("053e8995-f8cb-4d02-a659-70ac7c7da5db")]
    [InlineData("cam_01")]
    public void Accepts_guid_like_ids(string text)
    {
        Assert.True(CameraId.TryCreate(text, out var id, out var reason), reason);
        Assert.Equal(text, id.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("../etc/passwd", "'.'")]
    [InlineData("a/b", "'/'")]
    [InlineData("..", "'.'")]
    [InlineData("a\u0000b", "control character U+0000")]
    [InlineData("a\nb", "control character U+000A")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("caf\u00e9", "'\u00e9'")]
    public void Rejects_ids_that_could_escape_a_path(string text, string expectedReason)
    {
        Assert.False(CameraId.TryCreate(text, out _, out var reason));
        Assert.Contains(expectedReason, reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CameraId.Create(text));
    }

    [Fact]
    public void Rejects_ids_longer_than_the_limit()
    {
        Assert.False(CameraId.TryCreate(new string('a', CameraId.MaxLength + 1), out _, out var reason));
        Assert.Contains("longer than", reason, StringComparison.Ordinal);
    }
}
