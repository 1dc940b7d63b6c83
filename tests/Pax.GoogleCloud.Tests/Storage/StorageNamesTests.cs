using Pax.GoogleCloud.Storage;

namespace Pax.GoogleCloud.Tests.Storage;

public sealed class StorageNamesTests
{
    [Theory]
    [InlineData("pax-snapshots")]
    [InlineData("a_b")]
    [InlineData("123")]
    [InlineData("example.com.snapshots")]
    public void Accepts_valid_bucket_names(string name)
    {
        Assert.True(StorageNames.TryValidateBucketName(name, out var reason), reason);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("gs://pax", "gs://")]
    [InlineData("ab", "3 to 63")]
    [InlineData("Pax-Snapshots", "lower-case")]
    [InlineData("-pax", "start and end")]
    [InlineData("pax..x", "empty dot-separated part")]
    [InlineData("192.168.5.4", "IP address")]
    [InlineData("goog-pax", "goog")]
    [InlineData("my-google-bucket", "google")]
    public void Rejects_invalid_bucket_names_with_the_reason(string name, string expected)
    {
        Assert.False(StorageNames.TryValidateBucketName(name, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(".", "not allowed")]
    [InlineData("..", "not allowed")]
    [InlineData("a\nb", "line feed")]
    [InlineData("a\rb", "carriage return")]
    [InlineData(".well-known/acme-challenge/x", "acme-challenge")]
    public void Rejects_invalid_object_names_with_the_reason(string name, string expected)
    {
        Assert.False(StorageNames.TryValidateObjectName(name, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_object_names_that_are_not_valid_unicode()
    {
        var name = "a" + (char)0xD800 + "b";

        Assert.False(StorageNames.TryValidateObjectName(name, out var reason));
        Assert.Contains("unpaired surrogate", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Measures_object_names_in_utf8_bytes()
    {
        Assert.True(StorageNames.TryValidateObjectName(new string('a', 1024), out _));
        Assert.False(StorageNames.TryValidateObjectName(new string('\u00e9', 513), out var reason));
        Assert.Contains("1026 bytes", reason, StringComparison.Ordinal);
    }
}
