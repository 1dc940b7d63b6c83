using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pax.GoogleCloud.Logging;
using Pax.GoogleCloud.Logging.Internal;

namespace Pax.GoogleCloud.Tests.Logging;

/// <summary>
/// The special fields that tie an entry to its trace (cloud.google.com/logging/docs/structured-logging, "Special JSON
/// fields in messages": <c>logging.googleapis.com/trace</c>, <c>logging.googleapis.com/spanId</c>,
/// <c>logging.googleapis.com/trace_sampled</c>; formats in cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry).
/// </summary>
public sealed class CloudLoggingJsonTraceFieldsTests
{
    private const string Trace = "logging.googleapis.com/trace";
    private const string SpanId = "logging.googleapis.com/spanId";
    private const string Sampled = "logging.googleapis.com/trace_sampled";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_entry_inside_an_activity_carries_its_trace_span_and_sampling(bool recorded)
    {
        var (output, logger) = Create(LoggingProjectId.Known("pax-prod"));
        using var activity = Start(recorded);

        logger.LogInformation("inside");

        var entry = Single(output);
        Assert.Matches("^projects/pax-prod/traces/[0-9a-f]{32}$", entry[Trace]!.GetValue<string>());
        Assert.Equal($"projects/pax-prod/traces/{activity.TraceId.ToHexString()}", entry[Trace]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{16}$", entry[SpanId]!.GetValue<string>());
        Assert.Equal(activity.SpanId.ToHexString(), entry[SpanId]!.GetValue<string>());
        Assert.Equal(recorded, entry[Sampled]!.GetValue<bool>());
    }

    [Fact]
    public void An_entry_outside_any_activity_carries_none_of_the_trace_fields()
    {
        var (output, logger) = Create(LoggingProjectId.Known("pax-prod"));

        logger.LogInformation("outside");

        var entry = Single(output);
        Assert.Equal((false, false, false), (entry.ContainsKey(Trace), entry.ContainsKey(SpanId), entry.ContainsKey(Sampled)));
    }

    [Fact]
    public void An_unknown_project_leaves_the_trace_field_out_but_keeps_the_span()
    {
        var (output, logger) = Create(LoggingProjectId.Known(null));
        using var activity = Start(recorded: true);

        logger.LogInformation("inside");

        var entry = Single(output);
        Assert.False(entry.ContainsKey(Trace));
        Assert.Equal(activity.SpanId.ToHexString(), entry[SpanId]!.GetValue<string>());
    }

    [Fact]
    public void A_field_named_like_a_trace_field_cannot_replace_the_activity_s()
    {
        var (output, logger) = Create(LoggingProjectId.Known("pax-prod"));
        using var activity = Start(recorded: true);

        logger.LogInformation("Forged {logging.googleapis.com/trace}", "projects/evil/traces/0");

        var entry = Single(output);
        Assert.Equal($"projects/pax-prod/traces/{activity.TraceId.ToHexString()}", entry[Trace]!.GetValue<string>());
    }

    [Fact]
    public void GOOGLE_CLOUD_PROJECT_names_the_project_without_asking_the_metadata_server()
    {
        using var metadata = new FakeMetadataServer("from-metadata");

        var project = LoggingProjectId.FromEnvironment(Variables(("GOOGLE_CLOUD_PROJECT", "pax-env"), ("K_SERVICE", "orchestrator")), metadata);

        Assert.Equal(("pax-env", 0), (project.Value, metadata.Requests));
    }

    [Fact]
    public async Task On_Cloud_Run_without_the_variable_the_metadata_server_names_the_project_once()
    {
        using var metadata = new FakeMetadataServer("pax-meta");

        var project = LoggingProjectId.FromEnvironment(Variables(("CLOUD_RUN_JOB", "collector")), metadata);
        _ = project.Value;
        await project.Resolution.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(("pax-meta", 1), (project.Value, metadata.Requests));
        Assert.Equal("http://metadata.google.internal/computeMetadata/v1/project/project-id", metadata.LastRequest?.ToString());
    }

    [Fact]
    public async Task A_failing_metadata_server_leaves_the_project_unknown()
    {
        using var metadata = new FakeMetadataServer(null);

        var project = LoggingProjectId.FromEnvironment(Variables(("K_SERVICE", "orchestrator"), ("GCE_METADATA_HOST", "127.0.0.1:8999")), metadata);
        _ = project.Value;
        await project.Resolution.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(((string?)null, 1), (project.Value, metadata.Requests));
        Assert.Equal("http://127.0.0.1:8999/computeMetadata/v1/project/project-id", metadata.LastRequest?.ToString());
    }

    [Fact]
    public async Task On_Cloud_Run_the_metadata_server_is_asked_only_when_a_line_inside_a_trace_needs_the_project()
    {
        using var metadata = new FakeMetadataServer("pax-meta");
        var project = LoggingProjectId.FromEnvironment(Variables(("K_SERVICE", "orchestrator")), metadata);
        var (output, logger) = Create(project);

        // A start logs outside any trace: nothing is asked yet, so nothing competes with the first request.
        logger.LogInformation("starting");
        await project.Resolution.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var asked = metadata.Requests;

        using (Start(recorded: true))
        {
            logger.LogInformation("first traced line");
        }

        await project.Resolution.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        using (var activity = Start(recorded: true))
        {
            logger.LogInformation("later traced line");
            var later = JsonNode.Parse(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!.AsObject();
            Assert.Equal($"projects/pax-meta/traces/{activity.TraceId.ToHexString()}", later[Trace]!.GetValue<string>());
        }

        Assert.Equal((0, 1), (asked, metadata.Requests));
    }

    [Fact]
    public void Off_Google_s_runtimes_the_project_is_unknown_and_nothing_is_asked()
    {
        using var metadata = new FakeMetadataServer("pax-meta");

        var project = LoggingProjectId.FromEnvironment(Variables(), metadata);

        Assert.Equal(((string?)null, 0, true), (project.Value, metadata.Requests, project.Resolution.IsCompleted));
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static Activity Start(bool recorded)
    {
        var activity = new Activity("pax.test").SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = recorded ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None;
        return activity.Start();
    }

    private static (StringWriter Output, ILogger Logger) Create(LoggingProjectId projectId)
    {
        var output = new StringWriter();
        var provider = new CloudLoggingJsonLoggerProvider(output, new FakeTimeProvider(), LogLevel.Trace, null, projectId);
        return (output, provider.CreateLogger("Tests"));
    }

    private static JsonObject Single(StringWriter output) =>
        JsonNode.Parse(Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!.AsObject();

    /// <summary>
    /// The metadata server's <c>project/project-id</c>: plain text, and 403 without <c>Metadata-Flavor: Google</c>
    /// (cloud.google.com/compute/docs/metadata/querying-metadata); <paramref name="projectId"/> null answers 503.
    /// </summary>
    private sealed class FakeMetadataServer(string? projectId) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        public Uri? LastRequest { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            LastRequest = request.RequestUri;
            if (!request.Headers.TryGetValues("Metadata-Flavor", out var flavor) || !flavor.SequenceEqual(["Google"]))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden));
            }

            return Task.FromResult(projectId is null
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : request.RequestUri?.AbsolutePath == "/computeMetadata/v1/project/project-id"
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(projectId) }
                    : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
