namespace Pax.CameraSimulator;

/// <summary>A fault the simulator can inject into an image request.</summary>
public enum CameraFault
{
    /// <summary>No fault: the camera's JPEG.</summary>
    None,

    /// <summary>Holds the request without answering until the client gives up (or <see cref="CameraSimulatorOptions.MaxHold"/> passes, then 504).</summary>
    Timeout,

    /// <summary>Answers 503 Service Unavailable.</summary>
    ServerError,

    /// <summary>Announces the full <c>Content-Length</c>, sends half the body, then cuts the connection.</summary>
    Truncated,

    /// <summary>Answers 200 with an HTML page instead of a JPEG.</summary>
    NotJpeg,

    /// <summary>Sends the JPEG in small pieces spread over <see cref="CameraSimulatorOptions.SlowBodyDuration"/>.</summary>
    SlowBody,
}
