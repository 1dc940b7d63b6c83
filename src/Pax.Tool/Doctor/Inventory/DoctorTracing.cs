using System.Diagnostics;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>
/// The spans of <c>pax doctor</c>, from the <see cref="ActivitySource"/> named <c>Pax.Tool</c> (docs/architecture.md,
/// "Tracing"): one <c>doctor read {permission}</c> per read of the project, tagged with the API, the location and, when the
/// read did not complete, why.
/// </summary>
internal static class DoctorTracing
{
    /// <summary>The name of the source: <c>Pax.Tool</c>.</summary>
    public const string SourceName = "Pax.Tool";

    /// <summary>Gets the source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(DoctorTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the span of one read.</summary>
    public static Activity? StartRead(string api, string location, string permission)
    {
        var span = Source.StartActivity($"doctor read {permission}", ActivityKind.Client);
        if (span is not null)
        {
            span.SetTag("pax.doctor.api", api);
            span.SetTag("pax.doctor.location", location);
            span.SetTag("pax.doctor.permission", permission);
        }

        return span;
    }
}
