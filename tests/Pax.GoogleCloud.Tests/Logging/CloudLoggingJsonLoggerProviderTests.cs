using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pax.GoogleCloud.Logging;

namespace Pax.GoogleCloud.Tests.Logging;

/// <summary>
/// The structured lines Cloud Logging reads (cloud.google.com/logging/docs/structured-logging: one JSON object per
/// line, <c>severity</c>, <c>message</c>, <c>time</c>) and the fields Error Reporting reads
/// (cloud.google.com/error-reporting/docs/formatting-error-messages: <c>stack_trace</c>, or <c>@type</c> ReportedErrorEvent).
/// </summary>
public sealed partial class CloudLoggingJsonLoggerProviderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(LogLevel.Trace, "DEBUG")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARNING")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "CRITICAL")]
    public void Each_level_maps_to_a_Cloud_Logging_severity(LogLevel level, string severity)
    {
        var (output, logger) = Create();

        logger.Log(level, "plain");

        Assert.Equal(severity, Single(output)["severity"]!.GetValue<string>());
    }

    [Fact]
    public void An_event_is_one_line_with_message_time_logger_event_and_fields()
    {
        var (output, logger) = Create();

        Rejected(logger, "m-1", "processor 'a\n{\"severity\":\"ERROR\"}' is unknown");

        var entry = Single(output);
        Assert.Equal("WARNING", entry["severity"]!.GetValue<string>());
        Assert.Equal("Rejected m-1: processor 'a\n{\"severity\":\"ERROR\"}' is unknown", entry["message"]!.GetValue<string>());
        Assert.Equal(Now, entry["time"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Tests", entry["logger"]!.GetValue<string>());
        Assert.Equal((4003, "Rejected"), (entry["eventId"]!.GetValue<int>(), entry["eventName"]!.GetValue<string>()));
        Assert.Equal("m-1", entry["MessageId"]!.GetValue<string>());
        Assert.Null(entry["stack_trace"]);
        Assert.Null(entry["@type"]);
    }

    [Fact]
    public void An_error_with_an_exception_carries_the_whole_stack_in_stack_trace()
    {
        var (output, logger) = Create();

        logger.LogError(Thrown(), "Store unavailable");

        var entry = Single(output);
        Assert.Equal("Store unavailable", entry["message"]!.GetValue<string>());
        var stack = entry["stack_trace"]!.GetValue<string>();
        Assert.StartsWith("System.InvalidOperationException: outer\n ---> System.IO.IOException: inner", stack, StringComparison.Ordinal);
        Assert.Contains("   at ", stack, StringComparison.Ordinal);
        Assert.Null(entry["@type"]);
    }

    [Fact]
    public void Errors_name_the_service_Error_Reporting_groups_them_under_when_one_is_given()
    {
        var output = new StringWriter();
        using (var provider = new CloudLoggingJsonLoggerProvider(output, new FakeTimeProvider(Now), LogLevel.Trace, "pax-collector-prod"))
        {
            var logger = provider.CreateLogger("test");
            logger.LogError(Thrown(), "Run failed");
            logger.LogError("Tally overdue");
            logger.LogWarning("Only a warning");
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal("pax-collector-prod", lines[0]["serviceContext"]!["service"]!.GetValue<string>());
        Assert.Equal("pax-collector-prod", lines[1]["serviceContext"]!["service"]!.GetValue<string>());
        Assert.Null(lines[2]["serviceContext"]);
        var (unnamed, logger2) = Create();
        logger2.LogError("No service given");
        Assert.Null(Single(unnamed)["serviceContext"]);
    }

    [Fact]
    public void A_warning_keeps_its_exception_out_of_Error_Reporting()
    {
        var (output, logger) = Create();

        logger.LogWarning(Thrown(), "Will retry");

        var entry = Single(output);
        Assert.Null(entry["stack_trace"]);
        Assert.StartsWith("System.InvalidOperationException: outer", entry["exception_detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_without_an_exception_is_typed_as_a_ReportedErrorEvent()
    {
        var (output, logger) = Create();

        logger.LogError("Tally overdue");
        logger.LogWarning("Only a warning");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal("type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent", lines[0]["@type"]!.GetValue<string>());
        Assert.Null(lines[1]["@type"]);
    }

    [Fact]
    public void Fields_named_like_the_special_fields_cannot_overwrite_them()
    {
        var (output, logger) = Create();

        Forge(logger, "ERROR", "forged", "x", "forged label");

        var entry = Single(output);
        Assert.Equal("INFO", entry["severity"]!.GetValue<string>());
        Assert.Equal("Values ERROR forged x forged label", entry["message"]!.GetValue<string>());
        Assert.Null(entry["@type"]);
        Assert.Null(entry["logging.googleapis.com/labels"]);
        Assert.Equal(4, entry.Count(p => p.Key is "severity" or "message" or "time" or "logger"));
    }

    [Fact]
    public void Control_characters_lone_surrogates_and_separators_stay_inside_one_line()
    {
        var (output, logger) = Create();

        logger.LogInformation("a\r\nb\0c\u2028d\ud800e\u0085f");

        var text = output.ToString();
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\0', text);
        Assert.DoesNotContain('\u2028', text);
        Assert.StartsWith("a\r\nb\0c\u2028d", Single(output)["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_below_the_minimum_and_None_are_not_written()
    {
        var output = new StringWriter();
        using var provider = new CloudLoggingJsonLoggerProvider(output, new FakeTimeProvider(Now), LogLevel.Warning);
        var logger = provider.CreateLogger("Tests");

        logger.LogInformation("dropped");
        logger.Log(LogLevel.None, "dropped");
        logger.LogWarning("kept");

        Assert.Equal("kept", Single(output)["message"]!.GetValue<string>());
    }

    [Fact]
    public void AddCloudLoggingJson_registers_the_provider_once()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddLogging(logging => logging.ClearProviders().AddCloudLoggingJson().AddCloudLoggingJson());
        using var provider = services.BuildServiceProvider();

        var providers = provider.GetServices<ILoggerProvider>().ToList();

        Assert.IsType<CloudLoggingJsonLoggerProvider>(Assert.Single(providers));
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Rejected {MessageId}: {Reason}")]
    private static partial void Rejected(ILogger logger, string messageId, string reason);

    private static void Forge(ILogger logger, string severity, string message, string type, string labels)
    {
        List<KeyValuePair<string, object?>> state =
        [
            new("severity", severity), new("message", message), new("@type", type), new("logging.googleapis.com/labels", labels),
            new("{OriginalFormat}", "Values {severity} {message} {@type} {logging.googleapis.com/labels}"),
        ];
        logger.Log(LogLevel.Information, new EventId(1), state, null, (_, _) => $"Values {severity} {message} {type} {labels}");
    }

    private static (StringWriter Output, ILogger Logger) Create()
    {
        var output = new StringWriter();
        var provider = new CloudLoggingJsonLoggerProvider(output, new FakeTimeProvider(Now), LogLevel.Trace);
        return (output, provider.CreateLogger("Tests"));
    }

    private static JsonObject Single(StringWriter output)
    {
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonNode.Parse(line)!.AsObject();
    }

    private static Exception Thrown()
    {
        try
        {
            try
            {
                throw new IOException("inner");
            }
            catch (IOException inner)
            {
                throw new InvalidOperationException("outer", inner);
            }
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
