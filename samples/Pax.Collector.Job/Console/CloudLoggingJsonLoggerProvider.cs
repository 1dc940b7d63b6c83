using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Pax.Collector.Job.Console;

/// <summary>
/// Writes one JSON object per log event, shaped for Cloud Logging's structured logging: <c>severity</c>,
/// <c>message</c>, <c>time</c>, the logger name and event id, and the event's structured fields at the top level
/// (Cloud Logging keeps them in <c>jsonPayload</c>). An error (or critical) event with an exception is also shaped for
/// Cloud Error Reporting, after "Format a log entry to report error events"
/// (cloud.google.com/error-reporting/docs/formatting-error-messages): <c>@type</c> is
/// <c>type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent</c>, <c>message</c> is the
/// exception with its .NET stack trace (a header "Type: message", then the frames), <c>serviceContext.service</c> names
/// the job, and the event's own sentence is kept in <c>description</c>. Other exceptions are appended to the message.
/// </summary>
/// <param name="output">Where lines go.</param>
/// <param name="timeProvider">The clock for <c>time</c>.</param>
/// <param name="minimumLevel">The lowest level written.</param>
/// <param name="service">The <c>serviceContext.service</c> of error events, such as the Cloud Run job's name.</param>
public sealed class CloudLoggingJsonLoggerProvider(TextWriter output, TimeProvider timeProvider, LogLevel minimumLevel, string service = CloudLoggingJsonLoggerProvider.DefaultService) : ILoggerProvider
{
    /// <summary>The service named in error events when none is given: <c>pax-collector</c>.</summary>
    public const string DefaultService = "pax-collector";

    /// <summary>The <c>@type</c> that makes Cloud Error Reporting read a log entry as a <c>ReportedErrorEvent</c>.</summary>
    public const string ReportedErrorEventType = "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent";

    private readonly Lock _gate = new();
    private readonly LogLevel _minimumLevel = minimumLevel;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new JsonLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose() => output.Flush();

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
        DateTimeOffset instant => instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("severity", Severity(level));
            var message = formatter(state, exception);
            if (exception is not null && level >= LogLevel.Error)
            {
                json.WriteString("@type", ReportedErrorEventType);
                json.WriteString("message", exception.ToString());
                json.WriteString("description", message);
                json.WriteStartObject("serviceContext");
                json.WriteString("service", service);
                json.WriteEndObject();
            }
            else
            {
                json.WriteString("message", exception is null ? message : $"{message}\n{exception}");
            }

            json.WriteString("time", timeProvider.GetUtcNow());
            json.WriteString("logger", category);
            if (eventId.Id != 0)
            {
                json.WriteNumber("eventId", eventId.Id);
            }

            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    if (key != "{OriginalFormat}" && key is not ("severity" or "message" or "time" or "logger" or "eventId" or "@type" or "description" or "serviceContext"))
                    {
                        json.WriteString(key, FormatField(value));
                    }
                }
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
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
                provider.Write(category, logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
