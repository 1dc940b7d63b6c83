namespace Pax.Analyzers.Deployment;

/// <summary>
/// Text read from deployment code keeps what is known at build time and puts <see cref="Marker"/> where a value is
/// only known at run time (an environment variable, a command substitution, a non-constant expression).
/// </summary>
internal static class UnknownText
{
    /// <summary>Stands for any text that is not known at build time.</summary>
    public const char Marker = '\uFFFF';

    /// <summary>The marker as a string.</summary>
    public static readonly string Value = Marker.ToString();

    /// <summary>A URL whose host is a Cloud Run service (used for values such as <c>$(gcloud run services describe …)</c>).</summary>
    public static readonly string CloudRunServiceUrl = "https://" + Marker + ".run.app";

    /// <summary>
    /// The URL of the Cloud Run service <paramref name="name"/> when project number and region are not known:
    /// <c>https://{name}-{projectNumber}.{region}.run.app</c> with those two unknown.
    /// </summary>
    public static string CloudRunServiceUrlOf(string name) => "https://" + name + "-" + Marker + ".run.app";

    /// <summary>Whether <paramref name="text"/> has no unknown part.</summary>
    public static bool IsKnown(string text) => text.IndexOf(Marker) < 0;

    /// <summary>Text for messages: unknown parts shown as <c>…</c>.</summary>
    public static string Display(string text) => text.Replace(Value, "\u2026");
}
