using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.Firestore.Internal;

/// <summary>Firestore's answers the fake sends, each with where it comes from.</summary>
internal static class FakeFirestoreAnswers
{
    public const string ReadTime = "2026-02-10T06:00:01.000001Z";

    /// <summary>
    /// A project without a <c>(default)</c> database: 404 <c>NOT_FOUND</c> "The database (default) does not exist for
    /// project P Please visit https://console.cloud.google.com/datastore/setup?project=P to add a Cloud Datastore or
    /// Cloud Firestore database." (as reported from production, e.g. public code hit find_string id 56883279079
    /// "404 The database (default) does not exist for project …"; firebase/firebase-admin-node#2563). The streaming
    /// methods (runQuery, batchGet) answer errors as a JSON array holding one error element (gRPC transcoding of a
    /// server stream; nodejs-firestore#1046 / firebase-js-sdk's REST connection read the array form).
    /// </summary>
    public static RestResponse DatabaseMissing(string project, bool streaming)
    {
        var message = $"The database (default) does not exist for project {project} Please visit "
            + $"https://console.cloud.google.com/datastore/setup?project={project} to add a Cloud Datastore or Cloud Firestore database.";
        return streaming
            ? RestResponse.Json(new JsonArray(ErrorElement(404, "NOT_FOUND", message)), 404)
            : RestResponse.Error(404, "NOT_FOUND", message);
    }

    /// <summary>
    /// A query without its composite index: 400 <c>FAILED_PRECONDITION</c> "The query requires an index. You can create
    /// it here: https://console.firebase.google.com/v1/r/project/P/firestore/indexes?create_composite=…", in the array form
    /// of a streamed method. Google: a query that needs a composite index which does not exist fails with an error whose
    /// message links to creating it (cloud.google.com/firestore/docs/query-data/indexing, "Create a missing index through an error message");
    /// FAILED_PRECONDITION maps to HTTP 400 (cloud.google.com/apis/design/errors, google.rpc.Code). The message text as
    /// users report it: DashboardHub/PipelineDashboard#1321, RivaanRanawat/flutter-reddit-clone#10; the status as the client
    /// libraries name it, "failed-precondition": firebase/flutterfire#3293.
    /// </summary>
    public static RestResponse IndexMissing(string project, string collection)
    {
        var message = "The query requires an index. You can create it here: "
            + $"https://console.firebase.google.com/v1/r/project/{project}/firestore/indexes?create_composite=fake-{collection}";
        return RestResponse.Json(new JsonArray(ErrorElement(400, "FAILED_PRECONDITION", message)), 400);
    }

    /// <summary><c>{"error":{"code","message","status"}}</c>: one element of a streamed answer that failed.</summary>
    public static JsonObject ErrorElement(int code, string status, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } };
}
