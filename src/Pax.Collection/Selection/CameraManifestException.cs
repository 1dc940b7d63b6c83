namespace Pax.Collection.Selection;

/// <summary>A camera manifest could not be read or written; the message names the file and the problem.</summary>
public sealed class CameraManifestException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="manifestPath">The file (or other source name) of the manifest.</param>
    /// <param name="problem">What is wrong, such as <c>cameras[3] has no "id"</c>.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CameraManifestException(string manifestPath, string problem, Exception? innerException = null)
        : base($"Camera manifest '{manifestPath}': {problem}", innerException)
    {
        ManifestPath = manifestPath;
        Problem = problem;
    }

    /// <summary>Gets the file (or other source name) of the manifest.</summary>
    public string ManifestPath { get; }

    /// <summary>Gets what is wrong, without the file name.</summary>
    public string Problem { get; }
}
