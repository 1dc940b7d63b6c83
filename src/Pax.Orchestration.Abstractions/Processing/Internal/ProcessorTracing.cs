using System.Diagnostics;
using Pax.GoogleCloud.Tracing.Internal;

namespace Pax.Orchestration.Processing.Internal;

/// <summary>
/// The spans of Pax.Orchestration.Abstractions, from the <see cref="ActivitySource"/> named
/// <c>Pax.Orchestration.Abstractions</c> (docs/architecture.md, "Tracing"): a processor's run, the child of the
/// context its execution was started in (<see cref="PhaseHandover.TraceParentVariable"/>).
/// </summary>
internal static class ProcessorTracing
{
    /// <summary>The name of the source: <c>Pax.Orchestration.Abstractions</c>.</summary>
    public const string SourceName = "Pax.Orchestration.Abstractions";

    /// <summary>Gets the source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(ProcessorTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the run span of a processor: <c>processor run {name}</c>, the child of <c>TRACEPARENT</c> when set.</summary>
    public static Activity? StartRun(string processor, PhaseHandover handover, Func<string, string?> getVariable)
    {
        var span = TraceContextText.StartContinuing(Source, $"processor run {processor}", ActivityKind.Internal, TraceContextText.FromEnvironment(getVariable));
        if (span is not null)
        {
            span.SetTag("pax.processor", processor);
            span.SetTag("pax.run_key", handover.RunKey);
            span.SetTag("pax.phase", handover.Phase);
        }

        return span;
    }
}
