using System.Globalization;
using System.Text.Json;
using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// Turns a Pub/Sub message into a <see cref="CompletionMessage"/>: fields from the JSON data
/// (<c>phase</c>, <c>processor</c>, <c>runKey</c>, <c>status</c>, <c>details</c>), overridden by attributes of the
/// same names; a phase whose <see cref="PhaseDefinition.RunKeySource"/> is the publish date takes the run key from
/// the publish time. Never throws: a problem comes back as the reason.
/// </summary>
internal static class CompletionMessageParser
{
    public static (CompletionMessage? Message, string? Problem) Parse(IncomingPubSubMessage incoming, IReadOnlyList<PhaseDefinition> phases)
    {
        var fields = ReadData(incoming.Data, out var dataProblem);
        foreach (var (name, value) in incoming.Attributes)
        {
            fields[name] = value;
        }

        if (dataProblem is not null && !fields.ContainsKey("processor"))
        {
            return (null, dataProblem);
        }

        var phaseName = fields.GetValueOrDefault("phase");
        var phase = string.IsNullOrEmpty(phaseName)
            ? (phases.Count == 1 ? phases[0] : null)
            : phases.FirstOrDefault(p => p.Name == phaseName);
        var runKey = fields.GetValueOrDefault("runKey");
        if (phase?.RunKeySource == RunKeySource.PublishDate && string.IsNullOrEmpty(runKey))
        {
            runKey = incoming.PublishTime?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (fields.GetValueOrDefault("processor") is not { Length: > 0 } processor)
        {
            return (null, "the message has no 'processor'");
        }

        if (string.IsNullOrEmpty(runKey))
        {
            return (null, "the message has no 'runKey'");
        }

        CompletionStatus? status = fields.GetValueOrDefault("status")?.ToLowerInvariant() switch
        {
            "succeeded" or "success" or "ok" => CompletionStatus.Succeeded,
            "failed" or "failure" or "error" => CompletionStatus.Failed,
            _ => null,
        };
        if (status is null)
        {
            return (null, $"status '{fields.GetValueOrDefault("status")}' is not 'succeeded' or 'failed'");
        }

        return (new CompletionMessage(phaseName, processor, runKey, status.Value, incoming.MessageId, fields.GetValueOrDefault("details")), null);
    }

    private static Dictionary<string, string> ReadData(byte[] data, out string? problem)
    {
        problem = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.Length == 0)
        {
            problem = "the message has no data and no 'processor' attribute";
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "the message data is JSON but not an object";
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (JsonException ex)
        {
            problem = $"the message data is not JSON: {ex.Message}";
        }

        return fields;
    }
}
