using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pax.GoogleCloud.Logging.Internal;

namespace Pax.GoogleCloud.Logging;

/// <summary>
/// Writes each log event as one line of JSON, the structured logging that Cloud Run, Cloud Run jobs and Cloud Functions
/// read from stdout/stderr (cloud.google.com/logging/docs/structured-logging). Each line carries:
/// <list type="bullet">
/// <item><description><c>severity</c>: <c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c> or <c>CRITICAL</c> (Trace and Debug are <c>DEBUG</c>);
/// Cloud Logging moves it to the entry's severity.</description></item>
/// <item><description><c>message</c>: the formatted message, on one line as JSON escapes any newline in it.</description></item>
/// <item><description><c>time</c>: when it was logged (RFC 3339), from the <see cref="TimeProvider"/>.</description></item>
/// <item><description><c>logger</c> (category), <c>eventId</c> and <c>eventName</c> when set, and the event's structured fields
/// (<c>{Processor}</c> → <c>"Processor"</c>) as strings, kept in <c>jsonPayload</c>; a field named like one of the above is left out.</description></item>
/// <item><description>For an exception at <see cref="LogLevel.Error"/> or above: <c>stack_trace</c> (the exception with its
/// inner exceptions and stack), which Error Reporting reads first (cloud.google.com/error-reporting/docs/formatting-error-messages);
/// below Error the same text goes to <c>exception_detail</c>, which Error Reporting does not read, so a logged retry is
/// not reported as an error.</description></item>
/// <item><description>For an error without an exception: <c>"@type": "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent"</c>,
/// so Error Reporting still captures it (same page, "Log a text message").</description></item>
/// <item><description>For an error, when a service name was given: <c>serviceContext.service</c> (such as the Cloud Run
/// job's name), by which Error Reporting groups errors (same page, "serviceContext").</description></item>
/// <item><description>Inside an <see cref="Activity"/> (<see cref="Activity.Current"/>, W3C ids), the special fields that tie
/// the entry to its trace (same page, "Special JSON fields in messages"; their meaning in the LogEntry reference,
/// cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry): <c>logging.googleapis.com/trace</c>
/// (<c>projects/{project}/traces/{traceId}</c>, 32 hex digits), <c>logging.googleapis.com/spanId</c> (16 hex digits)
/// and <c>logging.googleapis.com/trace_sampled</c> (the activity's recorded flag). The project is
/// <c>GOOGLE_CLOUD_PROJECT</c> or, on Cloud Run, the metadata server's answer, resolved once in the background;
/// while it is unknown the trace field is left out, never guessed.</description></item>
/// </list>
/// Scopes are not written. Lines are written whole, one at a time, and flushed.
/// </summary>
[ProviderAlias("CloudLoggingJson")]
public sealed class CloudLoggingJsonLoggerProvider : ILoggerProvider
{
    /// <summary>The <c>@type</c> that makes Error Reporting capture an error that has no stack trace.</summary>
    public const string ReportedErrorEventType = "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent";

    private static readonly HashSet<string> ReservedFields = new(StringComparer.Ordinal)
    {
        "severity", "message", "time", "logger", "eventId", "eventName", "stack_trace", "exception_detail", "@type", "serviceContext", "{OriginalFormat}",
    };

    // Control characters, quotes and backslashes are still escaped; '+', '<', '>' and non-ASCII text stay readable
    // (the lines are read by the logging agent, never embedded in HTML).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object _gate = new();
    private readonly TextWriter _output;
    private readonly TimeProvider _timeProvider;
    private readonly LogLevel _minimumLevel;
    private readonly string? _service;
    private readonly LoggingProjectId _projectId;

    /// <summary>Initializes a provider.</summary>
    /// <param name="output">Where lines go (on Cloud Run: <see cref="Console.Out"/> or <see cref="Console.Error"/>).</param>
    /// <param name="timeProvider">The clock for <c>time</c>.</param>
    /// <param name="minimumLevel">The lowest level written (logging filters apply as well).</param>
    public CloudLoggingJsonLoggerProvider(TextWriter output, TimeProvider timeProvider, LogLevel minimumLevel)
        : this(output, timeProvider, minimumLevel, null)
    {
    }

    /// <summary>Initializes a provider whose error entries name <paramref name="service"/> in <c>serviceContext.service</c>.</summary>
    /// <param name="output">Where lines go (on Cloud Run: <see cref="Console.Out"/> or <see cref="Console.Error"/>).</param>
    /// <param name="timeProvider">The clock for <c>time</c>.</param>
    /// <param name="minimumLevel">The lowest level written (logging filters apply as well).</param>
    /// <param name="service">The service Error Reporting groups errors under (such as <c>CLOUD_RUN_JOB</c>), or <see langword="null"/> for none.</param>
    public CloudLoggingJsonLoggerProvider(TextWriter output, TimeProvider timeProvider, LogLevel minimumLevel, string? service)
        : this(output, timeProvider, minimumLevel, service, LoggingProjectId.Process)
    {
    }

    internal CloudLoggingJsonLoggerProvider(TextWriter output, TimeProvider timeProvider, LogLevel minimumLevel, string? service, LoggingProjectId projectId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _output = output;
        _timeProvider = timeProvider;
        _minimumLevel = minimumLevel;
        _service = string.IsNullOrWhiteSpace(service) ? null : service;
        _projectId = projectId;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new JsonLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _output.Flush();
        }
    }

    private static string Severity(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRITICAL",
        _ => "DEFAULT",
    };

    private static string? FormatField(object? value) => value switch
    {
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("severity", Severity(level));
            json.WriteString("message", formatter(state, exception));
            json.WriteString("time", _timeProvider.GetUtcNow());
            json.WriteString("logger", category);
            if (eventId.Id != 0)
            {
                json.WriteNumber("eventId", eventId.Id);
            }

            if (!string.IsNullOrEmpty(eventId.Name))
            {
                json.WriteString("eventName", eventId.Name);
            }

            WriteTrace(json);
            WriteFields(json, state);
            if (exception is not null)
            {
                json.WriteString(level >= LogLevel.Error ? "stack_trace" : "exception_detail", exception.ToString());
            }
            else if (level >= LogLevel.Error)
            {
                json.WriteString("@type", ReportedErrorEventType);
            }

            if (level >= LogLevel.Error && _service is not null)
            {
                json.WriteStartObject("serviceContext");
                json.WriteString("service", _service);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    // The special fields of cloud.google.com/logging/docs/structured-logging#structured_logging_special_fields: the
    // logging agent moves them to the LogEntry's trace ("projects/[PROJECT_ID]/traces/[TRACE_ID]"), spanId (16 hex
    // digits) and traceSampled (boolean), cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry.
    private void WriteTrace(Utf8JsonWriter json)
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } activity)
        {
            return;
        }

        if (_projectId.Value is { } project)
        {
            json.WriteString("logging.googleapis.com/trace", $"projects/{project}/traces/{activity.TraceId.ToHexString()}");
        }

        json.WriteString("logging.googleapis.com/spanId", activity.SpanId.ToHexString());
        json.WriteBoolean("logging.googleapis.com/trace_sampled", activity.Recorded);
    }

    private static void WriteFields<TState>(Utf8JsonWriter json, TState state)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> fields)
        {
            return;
        }

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (!ReservedFields.Contains(key) && !key.StartsWith("logging.googleapis.com/", StringComparison.Ordinal) && written.Add(key))
            {
                json.WriteString(key, FormatField(value));
            }
        }
    }

    private sealed class JsonLogger(CloudLoggingJsonLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                ArgumentNullException.ThrowIfNull(formatter);
                provider.Write(category, logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
