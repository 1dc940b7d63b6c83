using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Function;

/// <summary>
/// The Function sample's logs as Cloud Run collects them (every stdout line is one entry): structured JSON with a
/// severity when <c>K_SERVICE</c> is set, an exception's stack inside its entry, and outside text escaped so it cannot
/// start a line of its own.
/// </summary>
public sealed class FunctionLoggingTests
{
    private const string Caller = "orchestrator-caller@p.iam.gserviceaccount.com";

    // A processor name that tries to forge a log entry: a newline, a JSON object, a NUL.
    private const string ForgingProcessor = "a\n{\"severity\":\"ERROR\",\"message\":\"forged\"}\0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_Cloud_Run_every_stdout_line_is_one_json_entry_with_a_severity_and_the_stack_inside()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-logs-" + Guid.NewGuid().ToString("N"));
        var closedPort = ClosedLoopbackPort();
        try
        {
            await using var function = await FunctionProcess.StartAsync(Environment(directory, cloudRun: true), Ct);

            var metadata = await SendAsync(function, HttpMethod.Post, "/jobs", """{"id":"steal","type":"http","payload":{"url":"http://metadata.google.internal./computeMetadata/v1/"}}""");
            var created = await SendAsync(function, HttpMethod.Post, "/jobs", $$$"""{"id":"unreachable","type":"http","maxAttempts":1,"payload":{"url":"http://127.0.0.1:{{{closedPort}}}/hook"}}""");
            var tick = await SendAsync(function, HttpMethod.Post, "/cron/tick", "{}");
            var job = await (await SendAsync(function, HttpMethod.Get, "/jobs/unreachable", null)).Content.ReadFromJsonAsync<JsonObject>(Ct);
            var push = await SendAsync(function, HttpMethod.Post, "/", PushBodies.Wrapped(PushBodies.Completion(ForgingProcessor, "2026-02-10"), "m-1\r\n"));
            await function.WaitForStandardOutputLineAsync(line => line.Contains("\"eventId\":4105", StringComparison.Ordinal), Ct);
            await function.WaitForStandardOutputLineAsync(line => line.Contains("\"eventId\":4003", StringComparison.Ordinal), Ct);

            Assert.Equal(
                (HttpStatusCode.BadRequest, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK),
                (metadata.StatusCode, created.StatusCode, tick.StatusCode, push.StatusCode));
            Assert.Equal($"HttpRequestException: POST http://127.0.0.1:{closedPort}/hook did not complete (connection failed).", job!["lastError"]!.GetValue<string>());
            var entries = function.StandardOutputLines.Select(ParseEntry).ToList();
            Assert.All(entries, e => Assert.Contains(e["severity"]!.GetValue<string>(), new[] { "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL" }));
            var gaveUp = Assert.Single(entries, e => e["eventId"]?.GetValue<int>() == 4105);
            Assert.Equal("ERROR", gaveUp["severity"]!.GetValue<string>());
            var stack = gaveUp["stack_trace"]!.GetValue<string>();
            Assert.StartsWith("System.Net.Http.HttpRequestException: POST http://127.0.0.1:", stack, StringComparison.Ordinal);
            Assert.Contains("\n   at ", stack, StringComparison.Ordinal);
            Assert.Contains("SocketException", stack, StringComparison.Ordinal);
            var rejected = Assert.Single(entries, e => e["eventId"]?.GetValue<int>() == 4003);
            Assert.Equal("WARNING", rejected["severity"]!.GetValue<string>());
            Assert.Contains("""processor 'a\n{"severity":"ERROR","message":"forged"}\0'""", rejected["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(@"m-1\r\n", rejected["MessageId"]!.GetValue<string>());
            Assert.DoesNotContain(entries, e => e["message"]?.GetValue<string>() == "forged");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>
    /// A pushed message carrying Google's <c>googclient_traceparent</c> is handled in that trace although no OpenTelemetry
    /// SDK listens (the sample exports nothing without <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): what is logged meanwhile names
    /// the message's trace, not the one Cloud Run put on the request.
    /// </summary>
    [Fact]
    public async Task On_Cloud_Run_what_is_logged_while_a_message_is_handled_carries_the_messages_trace_without_an_sdk()
    {
        const string MessageTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string RequestTrace = "0af7651916cd43dd8448eb211c80319c";
        var directory = Path.Combine(Path.GetTempPath(), "pax-logs-" + Guid.NewGuid().ToString("N"));
        try
        {
            var environment = Environment(directory, cloudRun: true);
            environment["GOOGLE_CLOUD_PROJECT"] = "pax-tests";
            await using var function = await FunctionProcess.StartAsync(environment, Ct);
            var attributes = new Dictionary<string, string> { ["googclient_traceparent"] = $"00-{MessageTrace}-00f067aa0ba902b7-01" };

            var push = await SendAsync(
                function, HttpMethod.Post, "/", PushBodies.Wrapped(PushBodies.Completion("not-a-processor", "2026-02-10"), "m-traced", attributes), $"00-{RequestTrace}-b7ad6b7169203331-01");
            await function.WaitForStandardOutputLineAsync(line => line.Contains("\"eventId\":4003", StringComparison.Ordinal), Ct);

            Assert.Equal(HttpStatusCode.OK, push.StatusCode);
            var rejected = Assert.Single(function.StandardOutputLines.Select(ParseEntry), e => e["eventId"]?.GetValue<int>() == 4003);
            Assert.Equal($"projects/pax-tests/traces/{MessageTrace}", rejected["logging.googleapis.com/trace"]?.GetValue<string>());
            Assert.Matches("^[0-9a-f]{16}$", rejected["logging.googleapis.com/spanId"]!.GetValue<string>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Off_Cloud_Run_the_console_log_escapes_outside_text_onto_one_line()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-logs-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var function = await FunctionProcess.StartAsync(Environment(directory, cloudRun: false), Ct);

            var push = await SendAsync(function, HttpMethod.Post, "/", PushBodies.Wrapped(PushBodies.Completion(ForgingProcessor, "2026-02-10"), "m-2"));
            await function.WaitForStandardOutputLineAsync(line => line.Contains("Rejected delivery m-2", StringComparison.Ordinal), Ct);

            Assert.Equal(HttpStatusCode.OK, push.StatusCode);
            var lines = function.StandardOutputLines;
            var rejected = Assert.Single(lines, l => l.Contains("Rejected delivery m-2", StringComparison.Ordinal));
            Assert.Contains("""processor 'a\n{"severity":"ERROR","message":"forged"}\0'""", rejected, StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("{\"severity\"", StringComparison.Ordinal) || l.Contains('\0', StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith('{'));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task On_Cloud_Run_a_failed_start_is_one_critical_json_entry_on_stdout_for_error_reporting_and_nothing_on_stderr()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-logs-" + Guid.NewGuid().ToString("N"));
        var environment = Environment(directory, cloudRun: true);
        environment["Pax__Scheduling__HttpJobs__AllowedUrls__0"] = "http://169.254.169.254/";
        environment["Logging__LogLevel__Default"] = "Debug";

        var (exitCode, standardOutput, standardError) = await FunctionProcess.RunUntilExitAsync(environment, Ct);

        Assert.Equal(1, exitCode);
        Assert.Empty(standardError);
        var entries = standardOutput.Select(ParseEntry).ToList();
        Assert.All(entries, e => Assert.NotNull(e["severity"]));
        var stopped = Assert.Single(entries, e => e["severity"]!.GetValue<string>() == "CRITICAL");
        Assert.StartsWith("Pax:Scheduling:HttpJobs:AllowedUrls:0 ('http://169.254.169.254/') is a link-local or metadata destination", stopped["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(stopped["stack_trace"]);
        Assert.Equal(Pax.GoogleCloud.Logging.CloudLoggingJsonLoggerProvider.ReportedErrorEventType, stopped["@type"]!.GetValue<string>());
        Assert.Equal("pax-orchestrator", stopped["serviceContext"]!["service"]!.GetValue<string>());

        // The whole exception, stack and all, is still there at Debug level, below what Error Reporting reads.
        var detail = Assert.Single(entries, e => e["eventName"]?.GetValue<string>() == "StartupFailureDetail");
        Assert.Equal("DEBUG", detail["severity"]!.GetValue<string>());
        Assert.StartsWith("Microsoft.Extensions.Options.OptionsValidationException: ", detail["exception_detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\n   at ", detail["exception_detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject ParseEntry(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"stdout line is not one JSON object ({ex.Message}): {line}");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(FunctionProcess function, HttpMethod method, string path, string? body, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        if (body is not null)
        {
            request.Content = PushBodies.Json(body);
        }

        // The same token in both headers, so the request is authenticated however the service picks its header.
        var token = PushBodies.CloudRunToken(Caller, function.BaseAddress.ToString(), TimeProvider.System.GetUtcNow().AddHours(1));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Serverless-Authorization", "Bearer " + token);
        return await function.Client.SendAsync(request, Ct);
    }

    private static Dictionary<string, string> Environment(string directory, bool cloudRun)
    {
        var environment = new Dictionary<string, string>
        {
            ["Pax__Orchestration__Store"] = "Sqlite",
            ["Pax__Orchestration__Sqlite__Path"] = Path.Combine(directory, "tallies.db"),
            // The phase as deploy/deploy.sh sets it: appsettings.json names none (the phases come from one place).
            ["Pax__Orchestration__Phases__0__Name"] = "phase2",
            ["Pax__Orchestration__Phases__0__Processors__0"] = "a",
            ["Pax__Orchestration__Phases__0__Processors__1"] = "b",
            ["Pax__Orchestration__Phases__0__Processors__2"] = "c",
            ["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/pax-tests/topics/unused-next",
            ["Pax__Orchestration__Authentication__Mode"] = "CloudRunIam",
            ["Pax__Orchestration__Authentication__AllowedPrincipals__0"] = Caller,
            ["Pax__Scheduling__Store"] = "Sqlite",
            ["Pax__Scheduling__Sqlite__Path"] = Path.Combine(directory, "jobs.db"),
            ["Pax__Scheduling__Authentication__Mode"] = "CloudRunIam",
            ["Pax__Scheduling__Authentication__AllowedPrincipals__0"] = Caller,
            ["Pax__Scheduling__JobCreators__0"] = Caller,
            ["Logging__LogLevel__Default"] = "Information",
        };
        if (cloudRun)
        {
            environment["K_SERVICE"] = "pax-orchestrator";
            environment["K_REVISION"] = "pax-orchestrator-00001-abc";
            environment["K_CONFIGURATION"] = "pax-orchestrator";
        }
        else
        {
            // CloudRunIam trusts Cloud Run's IAM check, so it is refused where there is none: a local host runs open.
            environment["Pax__Orchestration__Authentication__Mode"] = "None";
            environment["Pax__Scheduling__Authentication__Mode"] = "None";
            environment["Pax__Dashboard__Authentication__Mode"] = "None";
        }

        return environment;
    }

    private static int ClosedLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
