using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>The IAM permission and the narrowest predefined role each Firestore call needs.</summary>
internal static class FirestoreOperations
{
    private const string Api = "firestore";
    private const string User = "roles/datastore.user";
    private const string Viewer = "roles/datastore.viewer";

    public static GoogleOperation Get(string resource) => new(Api, "datastore.entities.get", resource, Viewer);

    public static GoogleOperation Commit(string project) => new(Api, "datastore.entities.create and datastore.entities.update", Database(project), User);

    public static GoogleOperation Transaction(string project) => new(Api, "datastore.databases.getMetadata", Database(project), User);

    public static GoogleOperation Query(string project, string collection) => new(Api, "datastore.entities.list", $"collection '{collection}' of {Database(project)}", Viewer);

    private static string Database(string project) => $"Firestore database '(default)' of project '{project}'";
}
