namespace Pax.Tool.Doctor;

/// <summary>How <c>pax doctor</c> writes its report (<c>--format</c>).</summary>
internal enum DoctorFormat
{
    /// <summary>A table grouped by severity (Spectre.Console), each finding with its fix.</summary>
    Table,

    /// <summary>One JSON document on stdout.</summary>
    Json,
}
