using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pax.Collection.Runs;
using Pax.GoogleCloud.PubSub;

namespace Pax.Collection.Internal;

/// <summary>
/// Publishes a run's completion in the format Pax.Orchestration's intake reads: JSON data
/// <c>{"phase"?, "processor", "runKey", "status", "details"}</c> and the same fields as attributes.
/// </summary>
internal static class CompletionNotice
{
    public static string RunKey(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static PubSubOutgoingMessage Create(CollectionReport report, string? phase)
    {
        var wire = new CompletionNoticeData(
            phase,
            $"collector/{report.Task.Index}",
            RunKey(report.Slot),
            report.Succeeded ? "succeeded" : "failed",
            string.Create(CultureInfo.InvariantCulture, $"{report.StoredOrAlreadyStored} of {report.Eligible} eligible cameras stored (ratio {report.StoredRatio:0.000}, floor {report.MinStoredRatio:0.00})"));
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["processor"] = wire.Processor,
            ["runKey"] = wire.RunKey,
            ["status"] = wire.Status,
        };
        if (phase is not null)
        {
            attributes["phase"] = phase;
        }

        return new PubSubOutgoingMessage
        {
            Data = JsonSerializer.SerializeToUtf8Bytes(wire, CompletionNoticeJsonContext.Default.CompletionNoticeData),
            Attributes = attributes,
        };
    }
}

/// <summary>The completion message's JSON data.</summary>
internal sealed record CompletionNoticeData(string? Phase, string Processor, string RunKey, string Status, string Details);

/// <summary>Source-generated JSON for completion messages (camelCase, as the intake reads them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CompletionNoticeData))]
internal sealed partial class CompletionNoticeJsonContext : JsonSerializerContext;
