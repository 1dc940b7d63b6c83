using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Pax.GoogleCloud.Tests.TestSupport;

/// <summary>The fake must refuse what the real JSON API refuses, or the client tests prove nothing.</summary>
public sealed class FakeGcsServerTests : FakeGcsServerTestBase
{
    [Fact]
    public async Task Multipart_upload_returns_the_object_resource_with_int64_fields_as_strings()
    {
        using var response = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=multipart", Multipart("""{"name":"a/b.jpg","contentType":"image/jpeg"}""", "data"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resource = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("storage#object", (string?)resource["kind"]);
        Assert.Equal("4", (string?)resource["size"]);
        Assert.Equal("1", (string?)resource["metageneration"]);
        Assert.True(long.Parse((string)resource["generation"]!, System.Globalization.CultureInfo.InvariantCulture) > int.MaxValue);
        Assert.Equal("rth90Q==", (string?)resource["crc32c"]);
        Assert.Equal(["crc32c=rth90Q==", "md5=jXd/OF09/siBXSD3SWAm3A=="], response.Headers.GetValues("x-goog-hash"));
    }

    [Fact]
    public async Task Upload_with_a_wrong_crc32c_in_the_metadata_is_refused_and_not_stored()
    {
        using var response = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=multipart", Multipart("""{"name":"a.jpg","crc32c":"AAAAAA=="}""", "data"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""Provided CRC32C \"AAAAAA==\" doesn't match calculated CRC32C \"rth90Q==\".""", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(Server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Media_upload_with_a_wrong_md5_in_x_goog_hash_is_refused_and_not_stored()
    {
        using var content = new ByteArrayContent("data"u8.ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"upload/storage/v1/b/{Bucket}/o?uploadType=media&name=a.jpg") { Content = content };
        request.Headers.TryAddWithoutValidation("x-goog-hash", "md5=1B2M2Y8AsgTpgAmY7PhCfg==");

        using var response = await Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Media_upload_stores_the_body_under_the_query_name()
    {
        using var content = new ByteArrayContent("data"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=media&name=dir%2Fa.txt", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", Server.GetObject(Bucket, "dir/a.txt")!.ContentType);
    }

    [Theory]
    [InlineData("""{"contentType":"image/jpeg"}""", "Required")]
    [InlineData("""{"name":"a.jpg","cacheControl":"no-store"}""", "does not implement")]
    [InlineData("""{"name":"a.jpg","metadata":{"k":1}}""", "string values")]
    [InlineData("""{"name":"a\nb"}""", "not valid")]
    [InlineData("not json", "Parse Error")]
    public async Task Multipart_upload_with_bad_metadata_is_refused(string metadata, string expected)
    {
        using var response = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=multipart", Multipart(metadata, "data"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_upload_needs_multipart_related_with_two_parts()
    {
        using var formData = new MultipartFormDataContent { { new StringContent("{}"), "metadata" } };
        using var threeParts = Multipart("""{"name":"a"}""", "data");
        threeParts.Add(new StringContent("extra"));

        using var wrongType = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=multipart", formData, Ct);
        using var tooMany = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=multipart", threeParts, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("exactly two parts", await tooMany.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_requests_name_their_object_whatever_the_call()
    {
        Server.PutObject(Bucket, "dir/a b.jpg", [1]);
        using var multipart = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=multipart", Multipart("""{"name":"m/1.jpg"}""", "x"), Ct);
        using var media = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=media&name=m%2F2.jpg", new ByteArrayContent([1]), Ct);
        using var get = await Http.GetAsync($"storage/v1/b/{Bucket}/o/dir%2Fa%20b.jpg?alt=media", Ct);
        using var list = await Http.GetAsync($"storage/v1/b/{Bucket}/o", Ct);

        Assert.Equal(["m/1.jpg", "m/2.jpg", "dir/a b.jpg", null], Server.Requests.Select(r => r.ObjectName));
    }

    [Fact]
    public async Task Generation_preconditions_follow_the_documented_rules()
    {
        var first = Server.PutObject(Bucket, "a", [1]);

        Assert.Equal(HttpStatusCode.PreconditionFailed, await UploadStatusAsync("a", "ifGenerationMatch=0"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await UploadStatusAsync("a", $"ifGenerationMatch={first.Generation + 1}"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await UploadStatusAsync("missing", "ifGenerationNotMatch=0"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await UploadStatusAsync("a", $"ifGenerationNotMatch={first.Generation}"));
        Assert.Equal(HttpStatusCode.OK, await UploadStatusAsync("a", $"ifGenerationMatch={first.Generation}"));
        Assert.True(Server.GetObject(Bucket, "a")!.Generation > first.Generation);
        Assert.Equal(HttpStatusCode.BadRequest, await UploadStatusAsync("a", "ifGenerationMatch=x"));
    }

    [Fact]
    public async Task Object_paths_must_encode_slashes()
    {
        Server.PutObject(Bucket, "a/b", [1]);

        using var raw = await Http.GetAsync($"storage/v1/b/{Bucket}/o/a/b", Ct);
        using var encoded = await Http.GetAsync($"storage/v1/b/{Bucket}/o/a%2Fb", Ct);

        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
    }

    [Fact]
    public async Task Requests_need_the_configured_bearer_token()
    {
        using var missing = await SendWithoutDefaultAuthorizationAsync(null);
        using var wrong = await SendWithoutDefaultAuthorizationAsync("other");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("\"reason\":\"required\"", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("\"reason\":\"authError\"", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_buckets_objects_and_parameters_are_refused()
    {
        using var noBucket = await Http.GetAsync("storage/v1/b/other-bucket/o/a", Ct);
        using var noObject = await Http.GetAsync($"storage/v1/b/{Bucket}/o/a", Ct);
        using var unsupported = await Http.GetAsync($"storage/v1/b/{Bucket}/o?delimiter=/", Ct);
        using var resumable = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=resumable&name=a&predefinedAcl=private", new ByteArrayContent([]), Ct);

        Assert.Contains("The specified bucket does not exist.", await noBucket.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("No such object: fake-bucket/a", await noObject.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, resumable.StatusCode);
    }

    private async Task<HttpStatusCode> UploadStatusAsync(string name, string condition)
    {
        using var response = await Http.PostAsync($"upload/storage/v1/b/{Bucket}/o?uploadType=multipart&{condition}", Multipart($$"""{"name":"{{name}}"}""", "x"), Ct);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendWithoutDefaultAuthorizationAsync(string? token)
    {
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = Server.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.GetAsync($"storage/v1/b/{Bucket}/o", Ct);
    }

    private static MultipartContent Multipart(string metadata, string media)
    {
        var json = new StringContent(metadata, Encoding.UTF8, "application/json");
        var data = new ByteArrayContent(Encoding.UTF8.GetBytes(media));
        data.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartContent("related") { json, data };
    }
}
