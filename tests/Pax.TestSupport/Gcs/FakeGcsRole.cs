namespace Pax.TestSupport.Gcs;

/// <summary>
/// The predefined Cloud Storage role the caller of a <see cref="FakeGcsServer"/> holds on its buckets, with the object
/// permissions Google lists for it (cloud.google.com/storage/docs/access-control/iam-roles).
/// </summary>
public enum FakeGcsRole
{
    /// <summary><c>roles/storage.objectCreator</c>: <c>storage.objects.create</c> only — no get, list or delete, so it cannot replace an object.</summary>
    ObjectCreator,

    /// <summary><c>roles/storage.objectViewer</c>: <c>storage.objects.get</c> and <c>storage.objects.list</c>.</summary>
    ObjectViewer,

    /// <summary><c>roles/storage.objectUser</c>: create, get, list, update and delete (so it may replace objects).</summary>
    ObjectUser,

    /// <summary><c>roles/storage.objectAdmin</c>: every <c>storage.objects.*</c> permission.</summary>
    ObjectAdmin,
}
