using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Tests.Internal.Errors;

public sealed class GoogleErrorParserTests
{
    [Fact]
    public void Reads_the_json_api_form()
    {
        const string body = """
            {"error":{"code":412,"message":"At least one of the pre-conditions you specified did not hold.",
              "errors":[{"domain":"global","reason":"conditionNotMet","message":"At least one of the pre-conditions you specified did not hold.","locationType":"header","location":"If-Match"}]}}
            """;

        var error = GoogleErrorParser.Parse(body);

        Assert.Equal("At least one of the pre-conditions you specified did not hold.", error.Message);
        Assert.Equal("conditionNotMet", error.Reason);
        Assert.Null(error.Status);
    }

    [Fact]
    public void Reads_the_grpc_form_with_error_info()
    {
        const string body = """
            {"error":{"code":403,"message":"Permission 'run.jobs.run' denied on resource","status":"PERMISSION_DENIED",
              "details":[{"@type":"type.googleapis.com/google.rpc.DebugInfo","detail":"x"},
                         {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"IAM_PERMISSION_DENIED","domain":"iam.googleapis.com","metadata":{"permission":"run.jobs.run"}}]}}
            """;

        var error = GoogleErrorParser.Parse(body);

        Assert.Equal("Permission 'run.jobs.run' denied on resource", error.Message);
        Assert.Equal("PERMISSION_DENIED", error.Status);
        Assert.Equal("IAM_PERMISSION_DENIED", error.Reason);
    }

    [Fact]
    public void Reads_the_array_form_of_streaming_methods()
    {
        const string body = """[{"readTime":"2026-02-10T06:00:00Z"},{"error":{"code":404,"message":"The database (default) does not exist for project p","status":"NOT_FOUND"}}]""";

        var error = GoogleErrorParser.Parse(body);

        Assert.Equal(("The database (default) does not exist for project p", "NOT_FOUND"), (error.Message, error.Status));
    }

    [Fact]
    public void Falls_back_to_the_first_error_message_when_the_top_message_is_missing()
    {
        var error = GoogleErrorParser.Parse("""{"error":{"code":400,"errors":[{"reason":"invalid","message":"Invalid object name"}]}}""");

        Assert.Equal("Invalid object name", error.Message);
        Assert.Equal("invalid", error.Reason);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"error":"invalid_grant","error_description":"Bad Request"}""", """{"error":"invalid_grant","error_description":"Bad Request"}""")]
    [InlineData("{\"error\":", "{\"error\":")]
    [InlineData("[1,2]", "[1,2]")]
    public void Keeps_the_text_of_bodies_that_are_not_google_errors(string body, string expectedMessage)
    {
        var error = GoogleErrorParser.Parse(body);

        Assert.Equal(expectedMessage, error.Message);
        Assert.Null(error.Status);
        Assert.Null(error.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Returns_nothing_for_an_empty_body(string? body)
    {
        Assert.Equal(new GoogleError(null, null, null), GoogleErrorParser.Parse(body));
    }

    [Fact]
    public void Truncates_long_text()
    {
        var error = GoogleErrorParser.Parse(new string('x', 5000));

        Assert.True(error.Message!.Length <= 501);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
    }
}
