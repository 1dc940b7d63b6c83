namespace Pax.Tool.Doctor.Findings;

/// <summary>How bad a finding is; written <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
internal enum FindingSeverity
{
    /// <summary>Calls fail (401/403 at the target): exit code 1.</summary>
    Error,

    /// <summary>Works, but unsafe or fragile.</summary>
    Warning,

    /// <summary>Worth knowing.</summary>
    Info,
}
