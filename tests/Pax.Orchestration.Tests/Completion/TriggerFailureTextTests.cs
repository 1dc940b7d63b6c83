using System.Net;
using Pax.GoogleCloud;
using Pax.Orchestration.Completion.Internal;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>The <c>reason</c> tag of a failed trigger attempt tells an endpoint's refusal from a connection that never completed.</summary>
public sealed class TriggerFailureTextTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "http_401")]
    [InlineData(HttpStatusCode.Forbidden, "http_403")]
    [InlineData(HttpStatusCode.InternalServerError, "http_500")]
    public void An_endpoint_that_answered_with_an_error_status_is_http_and_its_code(HttpStatusCode status, string reason) =>
        Assert.Equal(reason, TriggerFailureText.Reason(new HttpRequestException("The next-phase endpoint answered", null, status), timedOut: false));

    [Fact]
    public void A_request_that_did_not_complete_is_transport_and_the_other_kinds_keep_their_reason()
    {
        Assert.Equal("transport", TriggerFailureText.Reason(new HttpRequestException("Connection refused"), timedOut: false));
        Assert.Equal("timeout", TriggerFailureText.Reason(new HttpRequestException("x", null, HttpStatusCode.Forbidden), timedOut: true));
        Assert.Equal("permission_denied", TriggerFailureText.Reason(new GoogleApiException("pubsub", HttpStatusCode.Forbidden, "PERMISSION_DENIED", null, "denied"), timedOut: false));
        Assert.Equal("error", TriggerFailureText.Reason(new InvalidOperationException("handler threw"), timedOut: false));
    }
}
