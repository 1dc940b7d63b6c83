using System.Net;
using Pax.GoogleCloud.Storage;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.Storage;

public sealed class StorageObjectsClientGetObjectTests
{
    private const string Bucket = StorageTestContext.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_returns_the_metadata_with_int64_fields_read_from_strings()
    {
        await using var context = await StorageTestContext.StartAsync();
        await context.Client.InsertObjectAsync(Bucket, "a.jpg", new byte[] { 1, 2, 3 }, new InsertObjectOptions
        {
            ContentType = "image/jpeg",
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
        }, Ct);
        var onServer = context.Server.GetObject(Bucket, "a.jpg")!;

        var stored = await context.Client.GetObjectAsync(Bucket, "a.jpg", Ct);

        Assert.NotNull(stored);
        Assert.Equal("a.jpg", stored.Name);
        Assert.Equal(Bucket, stored.Bucket);
        Assert.Equal(onServer.Generation, stored.Generation);
        Assert.Equal(1, stored.Metageneration);
        Assert.Equal(3, stored.Size);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal(onServer.Crc32c, stored.Crc32c);
        Assert.Equal(onServer.Md5Hash, stored.Md5Hash);
        Assert.Equal("STANDARD", stored.StorageClass);
        Assert.NotNull(stored.ETag);
        Assert.Equal("v", stored.Metadata!["k"]);
        Assert.Equal(onServer.TimeCreated.ToUnixTimeMilliseconds(), stored.TimeCreated!.Value.ToUnixTimeMilliseconds());
        Assert.Equal($"{Bucket}/a.jpg/{onServer.Generation}", stored.Id);
    }

    [Fact]
    public async Task Get_returns_null_for_a_missing_object_or_bucket()
    {
        await using var context = await StorageTestContext.StartAsync();

        Assert.Null(await context.Client.GetObjectAsync(Bucket, "missing.jpg", Ct));
        Assert.Null(await context.Client.GetObjectAsync("no-such-bucket", "a.jpg", Ct));
    }

    [Fact]
    public async Task Get_is_retried_on_503()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.PutObject(Bucket, "a.jpg", [1]);
        context.Server.EnqueueFault(r => r.IsGetMetadata, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable), count: 2);

        Assert.NotNull(await context.Client.GetObjectAsync(Bucket, "a.jpg", Ct));
        Assert.Equal(3, context.Server.Requests.Count);
    }

    [Fact]
    public async Task Get_refused_with_403_names_the_read_permission_and_role()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.DenyPermission("storage.objects.get");

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.Client.GetObjectAsync(Bucket, "a.jpg", Ct));

        Assert.StartsWith("storage.objects.get on object 'gs://pax-test-bucket/a.jpg' denied: grant roles/storage.objectViewer", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a b.jpg", "a%20b.jpg")]
    [InlineData("cam@42.jpg", "cam%4042.jpg")]
    [InlineData("x&y=z.jpg", "x%26y%3Dz.jpg")]
    [InlineData("dir/sub/file.jpg", "dir%2Fsub%2Ffile.jpg")]
    [InlineData("100%+?#.jpg", "100%25%2B%3F%23.jpg")]
    [InlineData("caf\u00e9.jpg", "caf%C3%A9.jpg")]
    public async Task Object_names_are_fully_percent_encoded_in_the_path(string name, string encoded)
    {
        await using var context = await StorageTestContext.StartAsync();
        byte[] data = [7, 8, 9];

        await context.Client.InsertObjectAsync(Bucket, name, data, new InsertObjectOptions { IfGenerationMatch = 0 }, Ct);
        var stored = await context.Client.GetObjectAsync(Bucket, name, Ct);
        var downloaded = await context.Client.DownloadObjectAsync(Bucket, name, Ct);

        Assert.Equal(name, context.Server.GetObject(Bucket, name)?.Name);
        Assert.Equal(name, stored?.Name);
        Assert.Equal(data, downloaded);
        Assert.Equal($"/storage/v1/b/{Bucket}/o/{encoded}", context.Server.Requests[1].RawTarget);
        Assert.Equal($"/storage/v1/b/{Bucket}/o/{encoded}?alt=media", context.Server.Requests[2].RawTarget);
    }
}
