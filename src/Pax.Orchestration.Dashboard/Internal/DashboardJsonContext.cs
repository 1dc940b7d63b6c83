using System.Text.Json.Serialization;

namespace Pax.Orchestration.Dashboard.Internal;

/// <summary>The JSON of <c>/pax/api/*</c>: camelCase, nulls written (a script sees every field).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PhasesView))]
[JsonSerializable(typeof(RunKeyView))]
[JsonSerializable(typeof(JobsView))]
[JsonSerializable(typeof(RejectedView))]
[JsonSerializable(typeof(Search.SearchView))]
[JsonSerializable(typeof(Search.InstancesView))]
[JsonSerializable(typeof(Search.FilterErrorView))]
[JsonSerializable(typeof(PulseView))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
