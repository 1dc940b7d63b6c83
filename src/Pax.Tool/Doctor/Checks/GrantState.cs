namespace Pax.Tool.Doctor.Checks;

/// <summary>Whether a member holds a role, as far as the policies read can tell.</summary>
internal enum GrantState
{
    /// <summary>Held (directly, or through a public member).</summary>
    Yes,

    /// <summary>Not held by any binding read.</summary>
    No,

    /// <summary>Cannot tell: a custom role, a condition, or a group/domain grant.</summary>
    Unknown,
}
