using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// Turns a Pub/Sub message into a <see cref="CompletionMessage"/>: fields from the JSON data (names from
/// <see cref="CompletionWireFormat"/>: <c>phase</c>, <c>processor</c>, <c>runKey</c>, <c>status</c>, <c>details</c>),
/// overridden by attributes of the same names; a phase whose <see cref="PhaseDefinition.RunKeySource"/> is the publish date takes the run key from
/// the publish time. Never throws: a problem comes back as the reason. Text that can never be stored (invalid
/// UTF-8, a lone surrogate such as <c>"\ud800"</c>, a message id over <see cref="CompletionLimits.MaxMessageIdLength"/>)
/// is a problem, so the delivery is acknowledged and recorded as rejected instead of failing the store on every
/// redelivery; <c>details</c> longer than <see cref="CompletionLimits.MaxDetailsBytes"/> are cut.
/// </summary>
internal static class CompletionMessageParser
{
    /// <summary>Parses; on a problem, <c>Address</c> still says whom the message named, as far as it could be read.</summary>
    public static (CompletionMessage? Message, string? Problem, CompletionAddress Address) Parse(IncomingPubSubMessage incoming, IReadOnlyList<PhaseDefinition> phases)
    {
        var (message, problem, fields) = ParseFields(incoming, phases);
        var address = message is not null
            ? CompletionAddress.From(message.Phase, message.RunKey, message.Processor, phases)
            : fields is null
                ? CompletionAddress.None
                : CompletionAddress.From(
                    fields.GetValueOrDefault(CompletionWireFormat.PhaseField), fields.GetValueOrDefault(CompletionWireFormat.RunKeyField), fields.GetValueOrDefault(CompletionWireFormat.ProcessorField), phases);
        return (message, problem, address);
    }

    private static (CompletionMessage? Message, string? Problem, Dictionary<string, string>? Fields) ParseFields(IncomingPubSubMessage incoming, IReadOnlyList<PhaseDefinition> phases)
    {
        var fields = ReadData(incoming.Data, out var dataProblem, out var unreadable);
        foreach (var (name, value) in incoming.Attributes)
        {
            fields[name] = value;
        }

        if (fields.FirstOrDefault(f => !WellFormedText.IsWellFormed(f.Key) || !WellFormedText.IsWellFormed(f.Value)) is { Key: not null } bad)
        {
            return (null, $"field '{WellFormedText.Repair(bad.Key)}' holds text that is not valid Unicode (a lone surrogate)", null);
        }

        if (incoming.MessageId is { } id && (id.Length > CompletionLimits.MaxMessageIdLength || !WellFormedText.IsWellFormed(id)))
        {
            return (null, $"the message id is longer than {CompletionLimits.MaxMessageIdLength} characters or not valid Unicode", fields);
        }

        if (dataProblem is not null && (unreadable || !fields.ContainsKey(CompletionWireFormat.ProcessorField)))
        {
            return (null, dataProblem, fields);
        }

        var phaseName = fields.GetValueOrDefault(CompletionWireFormat.PhaseField);
        var phase = string.IsNullOrEmpty(phaseName)
            ? (phases.Count == 1 ? phases[0] : null)
            : phases.FirstOrDefault(p => p.Name == phaseName);
        var runKey = fields.GetValueOrDefault(CompletionWireFormat.RunKeyField);
        if (phase?.RunKeySource == RunKeySource.PublishDate && string.IsNullOrEmpty(runKey))
        {
            runKey = incoming.PublishTime?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (fields.GetValueOrDefault(CompletionWireFormat.ProcessorField) is not { Length: > 0 } processor)
        {
            return (null, $"the message has no '{CompletionWireFormat.ProcessorField}'", fields);
        }

        if (string.IsNullOrEmpty(runKey))
        {
            return (null, $"the message has no '{CompletionWireFormat.RunKeyField}'", fields);
        }

        CompletionStatus? status = fields.GetValueOrDefault(CompletionWireFormat.StatusField)?.ToLowerInvariant() switch
        {
            CompletionWireFormat.SucceededValue or "success" or "ok" => CompletionStatus.Succeeded,
            CompletionWireFormat.FailedValue or "failure" or "error" => CompletionStatus.Failed,
            _ => null,
        };
        if (status is null)
        {
            return (null, $"status '{fields.GetValueOrDefault(CompletionWireFormat.StatusField)}' is not 'succeeded' or 'failed'", fields);
        }

        return (new CompletionMessage(phaseName, processor, runKey, status.Value, incoming.MessageId, BoundDetails(fields.GetValueOrDefault(CompletionWireFormat.DetailsField))), null, fields);
    }

    /// <summary>Cuts <paramref name="details"/> to at most <see cref="CompletionLimits.MaxDetailsBytes"/> UTF-8 bytes, at a character boundary, ending with "…".</summary>
    internal static string? BoundDetails(string? details)
    {
        if (details is null || Encoding.UTF8.GetByteCount(details) <= CompletionLimits.MaxDetailsBytes)
        {
            return details;
        }

        const string Ellipsis = "…";
        var budget = CompletionLimits.MaxDetailsBytes - Encoding.UTF8.GetByteCount(Ellipsis);
        var length = 0;
        var bytes = 0;
        while (length < details.Length)
        {
            var width = char.IsHighSurrogate(details[length]) && length + 1 < details.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(details.AsSpan(length, width));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            length += width;
        }

        return string.Concat(details.AsSpan(0, length), Ellipsis);
    }

    /// <summary>Reads the data's fields. <paramref name="unreadable"/>: the data is not text at all, so the message is rejected even when attributes carry the fields.</summary>
    private static Dictionary<string, string> ReadData(byte[] data, out string? problem, out bool unreadable)
    {
        problem = null;
        unreadable = false;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.Length == 0)
        {
            problem = "the message has no data and no 'processor' attribute";
            return fields;
        }

        if (!Utf8.IsValid(data))
        {
            problem = "the message data is not valid UTF-8";
            unreadable = true;
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
                string? value = null;
                if (!WellFormedText.TryGetName(property, out var name)
                    || (property.Value.ValueKind == JsonValueKind.String && !WellFormedText.TryGetString(property.Value, out value)))
                {
                    problem = "the message data holds a string that is not valid Unicode (a lone surrogate)";
                    unreadable = true;
                    fields.Clear();
                    return fields;
                }

                fields[name!] = value ?? property.Value.GetRawText();
            }
        }
        catch (JsonException ex)
        {
            problem = $"the message data is not JSON: {ex.Message}";
        }

        return fields;
    }
}
