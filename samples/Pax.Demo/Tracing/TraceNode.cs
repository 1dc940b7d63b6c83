namespace Pax.Demo.Tracing;

/// <summary>One span of the slot's trace with the spans started inside it.</summary>
/// <param name="Name">The span's name, such as <c>trigger collect</c>.</param>
/// <param name="Label">What tells it apart from its siblings of the same name (a processor, a camera, a message), or <see langword="null"/>.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Children">The spans started inside it, by start time.</param>
public sealed record TraceNode(string Name, string? Label, TimeSpan Duration, IReadOnlyList<TraceNode> Children)
{
    /// <summary>Gets how many spans the tree holds, this one included.</summary>
    public int Count => 1 + Children.Sum(c => c.Count);
}
