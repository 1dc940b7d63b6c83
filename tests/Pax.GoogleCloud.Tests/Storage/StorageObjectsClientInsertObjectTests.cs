using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Storage;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.Storage;

public sealed class StorageObjectsClientInsertObjectTests
{
    private const string Bucket = StorageTestContext.Bucket;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 0xFF, 0xD9];
    private static readonly InsertObjectOptions CreateOnly = new() { ContentType = "image/jpeg", IfGenerationMatch = 0 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Insert_stores_the_object_with_its_name_content_type_metadata_and_crc32c()
    {
        await using var context = await StorageTestContext.StartAsync();
        var options = CreateOnly with { Metadata = new Dictionary<string, string> { ["camera-name"] = "Broadway @ 42 St", ["sha256"] = "abc" } };

        var stored = await context.Client.InsertObjectAsync(Bucket, "snapshots/2025-01-02/0330/cam-1.jpg", Jpeg, options, Ct);

        var onServer = Assert.IsType<FakeGcsObject>(context.Server.GetObject(Bucket, "snapshots/2025-01-02/0330/cam-1.jpg"));
        Assert.Equal(Jpeg, onServer.Data);
        Assert.Equal("image/jpeg", onServer.ContentType);
        Assert.Equal("Broadway @ 42 St", onServer.Metadata["camera-name"]);
        Assert.Equal(onServer.Generation, stored.Generation);
        Assert.True(stored.Generation > int.MaxValue);
        Assert.Equal(Jpeg.Length, stored.Size);
        Assert.Equal(onServer.Crc32c, stored.Crc32c);
        Assert.Equal("Broadway @ 42 St", stored.Metadata!["camera-name"]);

        var request = Assert.Single(context.Server.Requests);
        Assert.Equal("/upload/storage/v1/b/pax-test-bucket/o?uploadType=multipart&ifGenerationMatch=0", request.RawTarget);
        Assert.Equal("Bearer " + FakeGcsServerOptions.DefaultAccessToken, request.Authorization);
        Assert.Contains($"\"crc32c\":\"{onServer.Crc32c}\"", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insert_with_IfGenerationMatch_zero_throws_412_when_the_object_exists()
    {
        await using var context = await StorageTestContext.StartAsync();
        var existing = context.Server.PutObject(Bucket, "a.jpg", [9, 9, 9], "image/jpeg");

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct));

        Assert.Equal(HttpStatusCode.PreconditionFailed, exception.HttpStatus);
        Assert.Equal("conditionNotMet", exception.Reason);
        Assert.False(exception.IsRetryable);
        Assert.Equal(existing, context.Server.GetObject(Bucket, "a.jpg"));
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task Insert_with_a_precondition_is_retried_after_429_and_503_and_stored_once()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.TooManyRequests));
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));

        var stored = await context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct);

        Assert.Equal(3, context.Server.Requests.Count);
        var onServer = Assert.Single(context.Server.ListObjects(Bucket));
        Assert.Equal(onServer.Generation, stored.Generation);
    }

    [Fact]
    public async Task Insert_whose_response_was_lost_gets_412_on_the_retry_and_leaves_one_object()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.LoseResponse());

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct));

        Assert.Equal(HttpStatusCode.PreconditionFailed, exception.HttpStatus);
        Assert.Equal(2, context.Server.Requests.Count);
        Assert.Equal(Jpeg, Assert.Single(context.Server.ListObjects(Bucket)).Data);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(5L)]
    public async Task Insert_without_IfGenerationMatch_is_not_retried_on_503(long? ifGenerationNotMatch)
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.PutObject(Bucket, "a.jpg", [1]);
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable));
        var options = new InsertObjectOptions { ContentType = "image/jpeg", IfGenerationNotMatch = ifGenerationNotMatch };

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, options, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.HttpStatus);
        Assert.True(exception.IsRetryable);
        Assert.Single(context.Server.Requests);
        Assert.Equal([1], context.Server.GetObject(Bucket, "a.jpg")!.Data);
    }

    [Fact]
    public async Task Insert_with_a_precondition_is_retried_after_the_connection_drops()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.AbortConnection());

        await context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct);

        Assert.Equal(2, context.Server.Requests.Count);
        Assert.Single(context.Server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Insert_without_a_precondition_is_not_retried_after_the_connection_drops()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.AbortConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, new InsertObjectOptions(), Ct));

        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task Insert_with_a_precondition_is_retried_after_an_attempt_times_out()
    {
        await using var context = await StorageTestContext.StartAsync(o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(200));
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Hang());

        await context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct);

        Assert.Equal(2, context.Server.Requests.Count);
        Assert.Single(context.Server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Insert_throws_TimeoutException_when_the_total_timeout_runs_out()
    {
        await using var context = await StorageTestContext.StartAsync(o =>
        {
            o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.Retry.TotalTimeout = TimeSpan.FromMilliseconds(250);
            o.Retry.MaxRetryAttempts = 20;
        });
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Hang(), count: 20);

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct));

        Assert.Contains("storage.objects.create on bucket 'pax-test-bucket'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(context.Server.ListObjects(Bucket));
    }

    [Fact]
    public async Task Insert_with_a_rejected_token_reports_401_naming_the_permission_and_role()
    {
        await using var context = await StorageTestContext.StartAsync(
            services: services => services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider("expired-token")));

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.HttpStatus);
        Assert.Equal("authError", exception.Reason);
        Assert.Equal("Bearer expired-token", Assert.Single(context.Server.Requests).Authorization);
        Assert.Contains("storage.objects.create", exception.Message, StringComparison.Ordinal);
        Assert.Contains("roles/storage.objectCreator", exception.Message, StringComparison.Ordinal);
        Assert.Single(context.Server.Requests);
    }

    [Theory]
    [InlineData(0L, "storage.objects.create on bucket 'pax-test-bucket' denied: grant roles/storage.objectCreator")]
    [InlineData(null, "storage.objects.create and storage.objects.delete on bucket 'pax-test-bucket' denied: grant roles/storage.objectUser")]
    public async Task Insert_refused_with_403_names_the_permission_and_the_role_to_grant(long? ifGenerationMatch, string expected)
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.DenyPermission("storage.objects.create");
        var options = new InsertObjectOptions { IfGenerationMatch = ifGenerationMatch };

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, options, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, exception.HttpStatus);
        Assert.Equal("forbidden", exception.Reason);
        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("pax-test@pax-project.iam.gserviceaccount.com does not have storage.objects.create access", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insert_throws_StorageDataCorruptionException_when_the_server_reports_another_crc32c()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.WrongCrc32c());

        var exception = await Assert.ThrowsAsync<StorageDataCorruptionException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, Ct));

        Assert.Equal("AAAAAA==", exception.ActualCrc32c);
        Assert.Equal(context.Server.GetObject(Bucket, "a.jpg")!.Crc32c, exception.ExpectedCrc32c);
        Assert.Equal("a.jpg", exception.ObjectName);
    }

    [Fact]
    public async Task Insert_into_a_missing_bucket_reports_404()
    {
        await using var context = await StorageTestContext.StartAsync();

        var exception = await Assert.ThrowsAsync<GoogleApiException>(() => context.Client.InsertObjectAsync("no-such-bucket", "a.jpg", Jpeg, CreateOnly, Ct));

        Assert.Equal(HttpStatusCode.NotFound, exception.HttpStatus);
        Assert.Contains("The specified bucket does not exist.", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, InsertObjectOptions> InvalidCalls => new()
    {
        { Bucket, "a.jpg", new InsertObjectOptions { IfGenerationMatch = 0, IfGenerationNotMatch = 1 } },
        { Bucket, "a.jpg", new InsertObjectOptions { IfGenerationMatch = -1 } },
        { Bucket, "a.jpg", new InsertObjectOptions { IfGenerationNotMatch = -1 } },
        { Bucket, "a.jpg", new InsertObjectOptions { ContentType = "not a type" } },
        { Bucket, "a.jpg", new InsertObjectOptions { Metadata = new Dictionary<string, string> { [""] = "x" } } },
        { Bucket, "a.jpg", new InsertObjectOptions { Metadata = new Dictionary<string, string> { ["k"] = "a\nb" } } },
        { Bucket, "", new InsertObjectOptions() },
        { Bucket, "a\nb", new InsertObjectOptions() },
        { Bucket, "..", new InsertObjectOptions() },
        { "gs://bucket", "a.jpg", new InsertObjectOptions() },
        { "UPPER", "a.jpg", new InsertObjectOptions() },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Insert_rejects_invalid_arguments_before_sending(string bucket, string name, InsertObjectOptions options)
    {
        await using var context = await StorageTestContext.StartAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => context.Client.InsertObjectAsync(bucket, name, Jpeg, options, Ct));

        Assert.Empty(context.Server.Requests);
    }

    [Fact]
    public async Task Insert_honours_a_cancelled_token()
    {
        await using var context = await StorageTestContext.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, cancelled.Token));

        Assert.Empty(context.Server.Requests);
    }

    [Fact]
    public async Task Insert_stops_when_cancelled_while_waiting_for_the_server()
    {
        await using var context = await StorageTestContext.StartAsync();
        context.Server.EnqueueFault(r => r.IsUpload, FakeGcsFault.Hang());
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));

        var insert = context.Client.InsertObjectAsync(Bucket, "a.jpg", Jpeg, CreateOnly, cancellation.Token);
        await context.Server.WaitForRequestAsync(1, deadline.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => insert.WaitAsync(deadline.Token));
        Assert.False(deadline.IsCancellationRequested);
        Assert.Single(context.Server.Requests);
    }
}
