namespace Pax.CameraSimulator;

/// <summary>A fault of the camera list endpoint (<c>GET /api/cameras</c>).</summary>
public enum CameraListFault
{
    /// <summary>The list as a bare JSON array.</summary>
    None,

    /// <summary>The API is down: 503 Service Unavailable.</summary>
    Down,

    /// <summary>200 with JSON cut off in the middle.</summary>
    MalformedJson,

    /// <summary>200 with an empty array.</summary>
    Empty,

    /// <summary>200 with a JSON object instead of an array.</summary>
    NotAnArray,
}
