using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pax.GoogleCloud.Firestore;

namespace Pax.Orchestration.Scheduling.Stores.Internal;

/// <summary>
/// A job's <see cref="ScheduledJob.History"/> as stored: in Firestore the array field <c>history</c> of maps
/// <c>{at: timestamp, duration_ms, result, error, attempt}</c>; in SQLite the column <c>history</c>, a JSON array of the
/// same objects (<c>at</c> as ISO 8601). Unreadable entries are skipped, never fatal: history is for people to read.
/// </summary>
internal static class JobHistoryFields
{
    private const string At = "at";
    private const string DurationMs = "duration_ms";
    private const string Result = "result";
    private const string Error = "error";
    private const string Attempt = "attempt";

    public static FirestoreValue ToFirestore(IReadOnlyList<JobOutcome> history) => FirestoreValue.Array(history.Select(o => FirestoreValue.Map(new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
    {
        [At] = FirestoreValue.Timestamp(o.At),
        [DurationMs] = FirestoreValue.Integer((long)o.Duration.TotalMilliseconds),
        [Result] = FirestoreValue.String(ResultText(o.Result)),
        [Error] = o.Error is null ? FirestoreValue.Null() : FirestoreValue.String(o.Error),
        [Attempt] = FirestoreValue.Integer(o.Attempt),
    })));

    public static IReadOnlyList<JobOutcome> FromFirestore(FirestoreValue? value)
    {
        var outcomes = new List<JobOutcome>();
        foreach (var item in value?.ArrayValue?.Values ?? [])
        {
            var fields = item.MapValue?.Fields ?? [];
            if (fields.GetValueOrDefault(At)?.AsTimestamp() is { } at && ParseResult(fields.GetValueOrDefault(Result)?.StringValue) is { } result)
            {
                outcomes.Add(new JobOutcome(
                    at,
                    TimeSpan.FromMilliseconds(fields.GetValueOrDefault(DurationMs)?.AsInteger() ?? 0),
                    result,
                    fields.GetValueOrDefault(Error)?.StringValue,
                    (int)(fields.GetValueOrDefault(Attempt)?.AsInteger() ?? 0)));
            }
        }

        return outcomes.Count == 0 ? [] : outcomes;
    }

    public static string? ToJson(IReadOnlyList<JobOutcome> history)
    {
        if (history.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var o in history)
            {
                writer.WriteStartObject();
                writer.WriteString(At, o.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteNumber(DurationMs, (long)o.Duration.TotalMilliseconds);
                writer.WriteString(Result, ResultText(o.Result));
                writer.WriteString(Error, o.Error);
                writer.WriteNumber(Attempt, o.Attempt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<JobOutcome> FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var outcomes = new List<JobOutcome>();
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.TryGetProperty(At, out var at) && at.TryGetDateTimeOffset(out var when)
                    && item.TryGetProperty(Result, out var resultText) && ParseResult(resultText.GetString()) is { } result)
                {
                    outcomes.Add(new JobOutcome(
                        when,
                        TimeSpan.FromMilliseconds(item.TryGetProperty(DurationMs, out var ms) && ms.TryGetInt64(out var d) ? d : 0),
                        result,
                        item.TryGetProperty(Error, out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null,
                        item.TryGetProperty(Attempt, out var attempt) && attempt.TryGetInt32(out var n) ? n : 0));
                }
            }
        }
        catch (JsonException)
        {
            return [];
        }

        return outcomes.Count == 0 ? [] : outcomes;
    }

    /// <summary>The stored (and JSON API) word for a result: <c>succeeded</c>, <c>failed</c>, <c>interrupted</c>, <c>skipped</c>.</summary>
    public static string ResultText(JobOutcomeResult result) => result.ToString().ToLowerInvariant();

    private static JobOutcomeResult? ParseResult(string? text) =>
        Enum.TryParse<JobOutcomeResult>(text, ignoreCase: true, out var result) && Enum.IsDefined(result) ? result : null;
}
