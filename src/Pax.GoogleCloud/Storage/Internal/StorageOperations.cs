using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Storage.Internal;

/// <summary>The IAM permission and the narrowest predefined role each Storage call needs.</summary>
internal static class StorageOperations
{
    private const string Api = "storage";

    /// <summary>A create-only insert needs <c>storage.objects.create</c>; one that may replace an object also needs <c>storage.objects.delete</c>.</summary>
    public static GoogleOperation Insert(string bucket, bool createOnly) => createOnly
        ? new GoogleOperation(Api, "storage.objects.create", Bucket(bucket), "roles/storage.objectCreator")
        : new GoogleOperation(Api, "storage.objects.create and storage.objects.delete", Bucket(bucket), "roles/storage.objectUser");

    public static GoogleOperation Get(string bucket, string name) =>
        new(Api, "storage.objects.get", $"object 'gs://{bucket}/{name}'", "roles/storage.objectViewer");

    public static GoogleOperation List(string bucket) =>
        new(Api, "storage.objects.list", Bucket(bucket), "roles/storage.objectViewer");

    private static string Bucket(string bucket) => $"bucket '{bucket}'";
}
