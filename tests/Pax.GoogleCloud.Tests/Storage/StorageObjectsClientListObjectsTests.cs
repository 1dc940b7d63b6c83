using System.Net;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.Storage;

public sealed class StorageObjectsClientListObjectsTests
{
    private const string Bucket = StorageTestContext.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_follows_page_tokens_across_pages()
    {
        await using var context = await StorageTestContext.StartAsync(serverOptions: new FakeGcsServerOptions { MaxPageSize = 2 });
        string[] names = ["s/2025/a b.jpg", "s/2025/b.jpg", "s/2025/c.jpg", "s/2025/d/e.jpg", "s/2025/f.json"];
        foreach (var name in names)
        {
            context.Server.PutObject(Bucket, name, [1]);
        }

        context.Server.PutObject(Bucket, "t/other.jpg", [1]);

        var listed = await context.Client.ListObjectsAsync(Bucket, "s/2025/", Ct).ToListAsync(Ct);

        Assert.Equal(names, listed.Select(o => o.Name));
        var pages = context.Server.Requests;
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal("s/2025/", p.Query["prefix"]));
        Assert.False(pages[0].Query.ContainsKey("pageToken"));
        Assert.True(pages[1].Query.ContainsKey("pageToken"));
        Assert.NotEqual(pages[1].Query["pageToken"], pages[2].Query["pageToken"]);
    }

    [Fact]
    public async Task List_without_a_prefix_returns_every_object()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.PutObject(Bucket, "a", [1]);
        context.Server.PutObject(Bucket, "b/c", [1]);

        var listed = await context.Client.ListObjectsAsync(Bucket, null, Ct).ToListAsync(Ct);

        Assert.Equal(["a", "b/c"], listed.Select(o => o.Name));
        Assert.Equal($"/storage/v1/b/{Bucket}/o", Assert.Single(context.Server.Requests).RawTarget);
    }

    [Fact]
    public async Task List_of_a_prefix_without_objects_is_empty()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.PutObject(Bucket, "a", [1]);

        Assert.Empty(await context.Client.ListObjectsAsync(Bucket, "nothing/", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task List_pages_are_retried_on_503()
    {
        await using var context = await StorageTestContext.StartAsync(serverOptions: new FakeGcsServerOptions { MaxPageSize = 1 });
        context.Server.PutObject(Bucket, "a", [1]);
        context.Server.PutObject(Bucket, "b", [1]);
        context.Server.EnqueueFault(r => r.IsList && r.Query.ContainsKey("pageToken"), FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));

        var listed = await context.Client.ListObjectsAsync(Bucket, null, Ct).ToListAsync(Ct);

        Assert.Equal(["a", "b"], listed.Select(o => o.Name));
        Assert.Equal(3, context.Server.Requests.Count);
    }

    [Fact]
    public async Task List_of_a_missing_bucket_throws_404()
    {
        await using var context = await StorageTestContext.StartAsync();

        var exception = await Assert.ThrowsAsync<GoogleApiException>(async () => await context.Client.ListObjectsAsync("no-such-bucket", null, Ct).ToListAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, exception.HttpStatus);
        Assert.Contains("storage.objects.list on bucket 'no-such-bucket'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_stops_when_cancelled_between_pages()
    {
        await using var context = await StorageTestContext.StartAsync(serverOptions: new FakeGcsServerOptions { MaxPageSize = 1 });
        context.Server.PutObject(Bucket, "a", [1]);
        context.Server.PutObject(Bucket, "b", [1]);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in context.Client.ListObjectsAsync(Bucket, null, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        Assert.Single(context.Server.Requests);
    }
}
