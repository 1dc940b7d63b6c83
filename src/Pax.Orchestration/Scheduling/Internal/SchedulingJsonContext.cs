using System.Text.Json.Serialization;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>The scheduler's source-generated JSON metadata: camelCase jobs, strict requests (unknown fields are refused, so a typo is not silently ignored).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScheduledJobRequest))]
[JsonSerializable(typeof(JobResource))]
[JsonSerializable(typeof(TickResponse))]
[JsonSerializable(typeof(SchedulingProblem))]
[JsonSerializable(typeof(JobStoredReference))]
internal sealed partial class SchedulingJsonContext : JsonSerializerContext
{
}
