using Pax.Collection.Sinks;

namespace Pax.Collection.Tests.Sinks;

public sealed class SnapshotSinkLocationTests
{
    [Theory]
    [InlineData("./pax-data", SnapshotSinkKind.FileSystem, "./pax-data", "")]
    [InlineData("/var/snapshots", SnapshotSinkKind.FileSystem, "/var/snapshots", "")]
    [InlineData("pax-data", SnapshotSinkKind.FileSystem, "pax-data", "")]
    [InlineData("../elsewhere/snaps", SnapshotSinkKind.FileSystem, "../elsewhere/snaps", "")]
    [InlineData("./ftp:", SnapshotSinkKind.FileSystem, "./ftp:", "")]
    [InlineData("/data/a:b", SnapshotSinkKind.FileSystem, "/data/a:b", "")]
    [InlineData("GS://my-bucket/x", SnapshotSinkKind.CloudStorage, "my-bucket", "x")]
    [InlineData("gs://my-bucket", SnapshotSinkKind.CloudStorage, "my-bucket", "")]
    [InlineData("gs://my-bucket/", SnapshotSinkKind.CloudStorage, "my-bucket", "")]
    [InlineData("gs://my.bucket_1/cams/nyc/", SnapshotSinkKind.CloudStorage, "my.bucket_1", "cams/nyc")]
    public void Parses_folders_and_gcs_locations(string text, SnapshotSinkKind kind, string path, string prefix)
    {
        var location = SnapshotSinkLocation.Parse(text);

        Assert.Equal((kind, path, prefix), (location.Kind, location.Path, location.Prefix));
        Assert.Equal(location, SnapshotSinkLocation.Parse(text));
        Assert.True(SnapshotSinkLocation.TryParse(text, out var parsed, out var error));
        Assert.Equal(location, parsed);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gs://")]
    [InlineData("gs://UPPER")]
    [InlineData("gs://ab")]
    [InlineData("gs://-bucket")]
    [InlineData("gs://bucket/../x")]
    [InlineData("gs://bucket/a*b")]
    [InlineData("gs://bucket/a//b")]
    [InlineData("gs://bucket/..")]
    [InlineData("gs://bucket/a\\b")]
    [InlineData("gs://bucket/a#b")]
    public void Rejects_bad_locations_with_a_reason(string text)
    {
        var error = Assert.Throws<FormatException>(() => SnapshotSinkLocation.Parse(text));

        Assert.NotEmpty(error.Message);
        Assert.False(SnapshotSinkLocation.TryParse(text, out var location, out var reason));
        Assert.Null(location);
        Assert.Equal(error.Message, reason);
    }

    [Theory]
    [InlineData("gs://my-bucket/cams/nyc/", "gs://my-bucket/cams/nyc")]
    [InlineData("GS://my-bucket", "gs://my-bucket")]
    [InlineData("./pax-data", "./pax-data")]
    public void Prints_as_the_setting_it_came_from(string text, string expected)
    {
        Assert.Equal(expected, SnapshotSinkLocation.Parse(text).ToString());
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("s3://bucket/prefix")]
    [InlineData("gcs://bucket")]
    [InlineData("file:///tmp/snaps")]
    [InlineData("https://storage.googleapis.com/bucket")]
    [InlineData("gs:/bucket")]
    [InlineData("gs:bucket")]
    [InlineData("ftp:")]
    public void Rejects_unknown_or_mistyped_schemes_instead_of_making_a_folder_of_them(string text)
    {
        var error = Assert.Throws<FormatException>(() => SnapshotSinkLocation.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains("gs://bucket/prefix", error.Message, StringComparison.Ordinal);
    }
}
