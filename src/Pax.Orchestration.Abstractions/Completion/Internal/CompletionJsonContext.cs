using System.Text.Json.Serialization;

namespace Pax.Orchestration.Completion.Internal;

/// <summary>Source-generated JSON for the completion message (names come from <see cref="CompletionWireFormat"/>; nulls are left out).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CompletionWireMessage))]
internal sealed partial class CompletionJsonContext : JsonSerializerContext;
