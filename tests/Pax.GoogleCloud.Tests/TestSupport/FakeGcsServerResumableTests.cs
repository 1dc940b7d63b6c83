using System.Net;
using System.Net.Http.Headers;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.TestSupport;

/// <summary>
/// The stand-in's resumable uploads, as cloud.google.com/storage/docs/performing-resumable-uploads describes them:
/// Google's .NET client uses nothing else, so the fake must refuse what Cloud Storage refuses here too.
/// </summary>
public sealed class FakeGcsServerResumableTests : FakeGcsServerTestBase
{
    [Fact]
    public async Task Resumable_upload_in_chunks_answers_308_with_the_persisted_range_until_the_last_chunk()
    {
        var data = new byte[(256 * 1024) + 10];
        Random.Shared.NextBytes(data);
        var session = await InitiateAsync("dir/big.bin", "ifGenerationMatch=0");

        using var first = await PutAsync(session, data.AsMemory(0, 256 * 1024), $"bytes 0-{(256 * 1024) - 1}/{data.Length}");
        using var status = await PutAsync(session, ReadOnlyMemory<byte>.Empty, $"bytes */{data.Length}");
        using var last = await PutAsync(session, data.AsMemory(256 * 1024), $"bytes {256 * 1024}-{data.Length - 1}/{data.Length}");

        Assert.Equal((HttpStatusCode)308, first.StatusCode);
        Assert.Equal($"bytes=0-{(256 * 1024) - 1}", string.Join(",", first.Headers.GetValues("Range")));
        Assert.Equal((HttpStatusCode)308, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(data, Server.GetObject(Bucket, "dir/big.bin")!.Data);
        Assert.Equal("/upload/storage/v1/b/fake-bucket/o", session.AbsolutePath);
    }

    [Fact]
    public async Task Resumable_chunks_other_than_the_last_must_be_multiples_of_256_KiB()
    {
        var session = await InitiateAsync("a.bin", "ifGenerationMatch=0");

        using var response = await PutAsync(session, new byte[10], "bytes 0-9/100");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Preconditions_are_checked_again_at_finalisation_and_a_failed_finalisation_persists_nothing()
    {
        var session = await InitiateAsync("a.jpg", "ifGenerationMatch=0");
        var existing = Server.PutObject(Bucket, "a.jpg", [7]);

        using var response = await PutAsync(session, "data"u8.ToArray(), "bytes 0-3/4");
        using var again = await PutAsync(session, ReadOnlyMemory<byte>.Empty, "bytes */4");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Equal(existing, Server.GetObject(Bucket, "a.jpg"));
    }

    [Fact]
    public async Task Initiation_checks_the_preconditions_too()
    {
        Server.PutObject(Bucket, "a.jpg", [7]);

        using var response = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=resumable&name=a.jpg&ifGenerationMatch=0", new ByteArrayContent([]), Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Replacing_an_object_needs_storage_objects_delete_which_object_creator_lacks()
    {
        Server.PutObject(Bucket, "report.json", [7]);
        Server.SetRole(FakeGcsRole.ObjectCreator);
        var session = await InitiateAsync("report.json", string.Empty);

        using var response = await PutAsync(session, "data"u8.ToArray(), "bytes 0-3/4");
        using var list = await Http.GetAsync($"storage/v1/b/{Bucket}/o", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("storage.objects.delete", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal([7], Server.GetObject(Bucket, "report.json")!.Data);
    }

    [Fact]
    public async Task A_gzip_compressed_initiation_body_is_read_as_the_object_metadata()
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("""{"name":"z.txt","contentType":"text/plain","metadata":{"k":"v"}}"""u8);
        }

        using var content = new ByteArrayContent(gzipped.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var started = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=resumable", content, Ct);
        using var finished = await PutAsync(started.Headers.Location!, "hi"u8.ToArray(), "bytes 0-1/2");

        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        var stored = Server.GetObject(Bucket, "z.txt")!;
        Assert.Equal(("text/plain", "v"), (stored.ContentType, stored.Metadata["k"]));
    }

    private async Task<Uri> InitiateAsync(string name, string condition)
    {
        var query = condition.Length > 0 ? "&" + condition : string.Empty;
        using var response = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=resumable&name={Uri.EscapeDataString(name)}{query}", new ByteArrayContent([]), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Location!;
    }

    private async Task<HttpResponseMessage> PutAsync(Uri session, ReadOnlyMemory<byte> body, string contentRange)
    {
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        using var request = new HttpRequestMessage(HttpMethod.Put, session) { Content = content };
        return await Http.SendAsync(request, Ct);
    }
}
