namespace Pax.TestSupport.Gcs.Internal;

/// <summary>The IAM permissions the caller is refused (403), as if its role lacked them.</summary>
internal sealed class FakeGcsPermissions
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _denied = new(StringComparer.Ordinal);

    public void Deny(string permission)
    {
        lock (_gate)
        {
            _denied.Add(permission);
        }
    }

    public bool IsDenied(string permission)
    {
        lock (_gate)
        {
            return _denied.Contains(permission);
        }
    }
}
