using Pax.Collection.Sinks;

namespace Pax.Collection.Tests.Sinks;

public sealed class SnapshotSinkLocationTests
{
    [Theory]
    [InlineData("./pax-data", SnapshotSinkKind.FileSystem, "./pax-data", "")]
    [InlineData("/var/snapshots", SnapshotSinkKind.FileSystem, "/var/snapshots", "")]
    [InlineData("gs://my-bucket", SnapshotSinkKind.CloudStorage, "my-bucket", "")]
    [InlineData("gs://my-bucket/", SnapshotSinkKind.CloudStorage, "my-bucket", "")]
    [InlineData("gs://my.bucket_1/cams/nyc/", SnapshotSinkKind.CloudStorage, "my.bucket_1", "cams/nyc")]
    public void Parses_folders_and_gcs_locations(string text, SnapshotSinkKind kind, string path, string prefix)
    {
        Assert.Equal(new SnapshotSinkLocation(kind, path, prefix), SnapshotSinkLocation.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("gs://")]
    [InlineData("gs://UPPER")]
    [InlineData("gs://ab")]
    [InlineData("gs://-bucket")]
    [InlineData("gs://bucket/../x")]
    [InlineData("gs://bucket/a*b")]
    public void Rejects_bad_locations_with_a_reason(string text)
    {
        var error = Assert.Throws<FormatException>(() => SnapshotSinkLocation.Parse(text));

        Assert.NotEmpty(error.Message);
    }
}
