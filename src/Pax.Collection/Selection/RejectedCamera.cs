using Pax.Collection.Cameras;

namespace Pax.Collection.Selection;

/// <summary>A camera left out of a selection because its id is unsafe or listed twice; it never reaches a path.</summary>
/// <param name="Camera">The camera as listed.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record RejectedCamera(Camera Camera, string Reason);
