namespace Pax.CameraSimulator.Internal;

/// <summary>One element of the served camera list, shaped like NYCTMC's (<c>isOnline</c> is a string there).</summary>
internal sealed record SimulatedCameraRecord(string Id, string Name, double Latitude, double Longitude, string? Area, string IsOnline, string ImageUrl);
