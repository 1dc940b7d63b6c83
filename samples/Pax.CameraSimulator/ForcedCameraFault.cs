namespace Pax.CameraSimulator;

/// <summary>A fault forced on one camera's next <paramref name="Times"/> image requests (then it answers normally).</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Times">How many requests get it; <see cref="int.MaxValue"/> (the default) for every request.</param>
public sealed record ForcedCameraFault(CameraFault Fault, int Times = int.MaxValue);
