using System.Text.Json.Serialization;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Hosting.Internal;
using Pax.Orchestration.Completion.Triggers.Internal;
using Pax.Orchestration.Hosting.Internal;

namespace Pax.Orchestration.Internal;

/// <summary>The package's source-generated JSON metadata (camelCase, like the wire formats it reads and writes).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TriggerPayload))]
[JsonSerializable(typeof(PushEnvelope))]
[JsonSerializable(typeof(TallyProgress))]
[JsonSerializable(typeof(IntakeResponse))]
[JsonSerializable(typeof(Completion.Watchdog.WatchdogReport))]
[JsonSerializable(typeof(JwtClaims))]
internal sealed partial class OrchestrationJsonContext : JsonSerializerContext
{
}
