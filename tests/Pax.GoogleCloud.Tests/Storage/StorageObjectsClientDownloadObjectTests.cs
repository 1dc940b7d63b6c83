using System.Net;
using Pax.GoogleCloud.Storage;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.Storage;

public sealed class StorageObjectsClientDownloadObjectTests
{
    private const string Bucket = StorageTestContext.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Download_returns_the_data_checked_against_x_goog_hash()
    {
        await using var context = await StorageTestContext.StartAsync();
        var data = new byte[10_000];
        new Random(7).NextBytes(data);
        context.Server.PutObject(Bucket, "a.jpg", data, "image/jpeg");

        var downloaded = await context.Client.DownloadObjectAsync(Bucket, "a.jpg", Ct);

        Assert.Equal(data, downloaded);
        Assert.True(Assert.Single(context.Server.Requests).IsDownload);
    }

    [Fact]
    public async Task Download_throws_StorageDataCorruptionException_when_the_data_does_not_match_the_hash()
    {
        await using var context = await StorageTestContext.StartAsync();
        var stored = context.Server.PutObject(Bucket, "a.jpg", [1, 2, 3, 4]);
        context.Server.EnqueueFault(r => r.IsDownload, FakeGcsFault.CorruptMedia());

        var exception = await Assert.ThrowsAsync<StorageDataCorruptionException>(() => context.Client.DownloadObjectAsync(Bucket, "a.jpg", Ct));

        Assert.Equal(stored.Crc32c, exception.ExpectedCrc32c);
        Assert.NotEqual(stored.Crc32c, exception.ActualCrc32c);
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task Download_is_retried_when_the_body_is_cut_short()
    {
        await using var context = await StorageTestContext.StartAsync();
        var data = new byte[4096];
        new Random(3).NextBytes(data);
        context.Server.PutObject(Bucket, "a.jpg", data);
        context.Server.EnqueueFault(r => r.IsDownload, FakeGcsFault.TruncateBody());

        var downloaded = await context.Client.DownloadObjectAsync(Bucket, "a.jpg", Ct);

        Assert.Equal(data, downloaded);
        Assert.Equal(2, context.Server.Requests.Count);
    }

    [Fact]
    public async Task Download_is_retried_on_429()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.PutObject(Bucket, "a.jpg", [5]);
        context.Server.EnqueueFault(r => r.IsDownload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests));

        Assert.Equal([5], await context.Client.DownloadObjectAsync(Bucket, "a.jpg", Ct));
        Assert.Equal(2, context.Server.Requests.Count);
    }

    [Fact]
    public async Task Download_returns_null_for_a_missing_object()
    {
        await using var context = await StorageTestContext.StartAsync();

        Assert.Null(await context.Client.DownloadObjectAsync(Bucket, "missing.jpg", Ct));
    }
}
