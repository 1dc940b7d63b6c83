namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// The IAM permissions the caller holds: those of its <see cref="FakeGcsRole"/>
/// (cloud.google.com/storage/docs/access-control/iam-roles), minus any denied one by one.
/// </summary>
internal sealed class FakeGcsPermissions(FakeGcsRole role)
{
    public const string Create = "storage.objects.create";
    public const string Delete = "storage.objects.delete";
    public const string Get = "storage.objects.get";
    public const string List = "storage.objects.list";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _denied = new(StringComparer.Ordinal);
    private FakeGcsRole _role = role;

    public void SetRole(FakeGcsRole role)
    {
        lock (_gate)
        {
            _role = role;
        }
    }

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
            return _denied.Contains(permission) || !Granted(_role).Contains(permission);
        }
    }

    private static string[] Granted(FakeGcsRole role) => role switch
    {
        FakeGcsRole.ObjectCreator => [Create],
        FakeGcsRole.ObjectViewer => [Get, List],
        _ => [Create, Delete, Get, List],
    };
}
