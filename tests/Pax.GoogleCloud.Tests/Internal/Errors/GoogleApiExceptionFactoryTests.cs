using System.Net;
using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Tests.Internal.Errors;

public sealed class GoogleApiExceptionFactoryTests
{
    private static readonly GoogleOperation Create = new("storage", "storage.objects.create", "bucket 'b'", "roles/storage.objectCreator");

    [Fact]
    public void Forbidden_names_the_permission_the_resource_and_the_role_to_grant()
    {
        const string body = """{"error":{"code":403,"message":"sa@p.iam.gserviceaccount.com does not have storage.objects.create access","errors":[{"reason":"forbidden"}]}}""";

        var exception = GoogleApiExceptionFactory.Create(HttpStatusCode.Forbidden, body, Create);

        // Said of every caller (the orchestrator service's trigger as much as a job): never "the job" alone.
        Assert.StartsWith(
            "storage.objects.create on bucket 'b' denied: grant roles/storage.objectCreator to the identity this process calls Google as: on Cloud Run, the runtime service account of the service or job making the call",
            exception.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("the job runs as", exception.Message, StringComparison.Ordinal);
        Assert.Contains("does not have storage.objects.create access", exception.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, exception.HttpStatus);
        Assert.Equal("forbidden", exception.Reason);
        Assert.Equal("storage", exception.Api);
        Assert.False(exception.IsRetryable);
    }

    [Fact]
    public void Unauthorized_points_at_credentials_and_names_the_permission_and_role()
    {
        var exception = GoogleApiExceptionFactory.Create(HttpStatusCode.Unauthorized, """{"error":{"code":401,"message":"Invalid Credentials","errors":[{"reason":"authError"}]}}""", Create);

        Assert.Contains("storage.objects.create on bucket 'b' was not authenticated", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Application Default Credentials", exception.Message, StringComparison.Ordinal);
        Assert.Contains("grant roles/storage.objectCreator", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid Credentials", exception.Message, StringComparison.Ordinal);
        Assert.Equal("authError", exception.Reason);
    }

    [Fact]
    public void Other_failures_carry_status_reason_and_google_message()
    {
        var exception = GoogleApiExceptionFactory.Create(HttpStatusCode.ServiceUnavailable, """{"error":{"code":503,"message":"Backend Error","status":"UNAVAILABLE","errors":[{"reason":"backendError"}]}}""", Create);

        Assert.Equal("storage.objects.create on bucket 'b' failed with HTTP 503 (UNAVAILABLE, reason backendError). Google said: Backend Error", exception.Message);
        Assert.Equal("UNAVAILABLE", exception.Status);
        Assert.True(exception.IsRetryable);
    }
}
