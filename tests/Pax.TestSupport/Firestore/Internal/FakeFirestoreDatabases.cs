using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.Firestore.Internal;

/// <summary>The state and request handling behind <see cref="FakeFirestoreServer"/>.</summary>
internal sealed class FakeFirestoreDatabases
{
    private const string Prefix = "/v1/projects/";
    private const string DatabaseSegment = "/databases/(default)/documents";
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, JsonObject>> _projects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StreamFailure> _streamFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unindexedFields = new(StringComparer.Ordinal);

    public void Add(string projectId) => _projects.TryAdd(projectId, new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal));

    public void Put(string name, JsonObject fields)
    {
        var project = name.Split('/')[1];
        if (!_projects.TryGetValue(project, out var documents))
        {
            throw new InvalidOperationException($"Project '{project}' has no database in this fake: call AddDatabase first.");
        }

        documents[name] = new JsonObject
        {
            ["name"] = name,
            ["fields"] = fields.DeepClone(),
            ["createTime"] = "2026-02-10T06:00:00.000001Z",
            ["updateTime"] = "2026-02-10T06:00:00.000001Z",
        };
    }

    public void RequireIndexFor(string fieldPath) => _unindexedFields[fieldPath] = 0;

    public void FailNextStream(string method, int resultsBefore, int code, string status, string message) =>
        _streamFailures[method] = new StreamFailure(resultsBefore, code, status, message);

    public RestResponse Handle(RecordedRestRequest request)
    {
        var path = request.Path;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || !path.Contains(DatabaseSegment, StringComparison.Ordinal))
        {
            return RestResponse.NoSuchRoute(request.Method, path);
        }

        var project = path[Prefix.Length..path.IndexOf('/', Prefix.Length)];
        var method = path.Contains(':', StringComparison.Ordinal) ? path[(path.LastIndexOf(':') + 1)..] : null;
        if (!_projects.TryGetValue(project, out var documents))
        {
            return FakeFirestoreAnswers.DatabaseMissing(project, streaming: method is "runQuery" or "batchGet");
        }

        return (request.Method, method) switch
        {
            ("GET", null) => Get(path["/v1/".Length..], documents),
            ("POST", "batchGet") => BatchGet(request, documents),
            ("POST", "runQuery") => RunQuery(request, project, documents),
            _ => RestResponse.InvalidArgument($"FakeFirestoreServer does not implement {request.Method} {path}."),
        };
    }

    private static RestResponse Get(string name, ConcurrentDictionary<string, JsonObject> documents) =>
        documents.TryGetValue(name, out var document)
            ? RestResponse.Json(document.DeepClone())
            // The emulator's answer for a missing document (observed 2026-12-01): 404 NOT_FOUND "Document (name) not found."
            : RestResponse.Error(404, "NOT_FOUND", $"Document ({name}) not found.");

    private RestResponse BatchGet(RecordedRestRequest request, ConcurrentDictionary<string, JsonObject> documents)
    {
        if (request.Json() is not JsonObject body || body["documents"] is not JsonArray names)
        {
            return RestResponse.InvalidArgument("Invalid JSON payload received. 'documents' is required.");
        }

        // firestore/docs/reference/rest/v1/projects.databases.documents/batchGet: a stream of BatchGetDocumentsResponse,
        // each with found or missing, and readTime.
        var elements = names.Select(n => n!.GetValue<string>()).Select(n => documents.TryGetValue(n, out var d)
            ? new JsonObject { ["found"] = d.DeepClone(), ["readTime"] = FakeFirestoreAnswers.ReadTime }
            : new JsonObject { ["missing"] = n, ["readTime"] = FakeFirestoreAnswers.ReadTime });
        return Stream("batchGet", elements.ToList());
    }

    private RestResponse RunQuery(RecordedRestRequest request, string project, ConcurrentDictionary<string, JsonObject> documents)
    {
        if (request.Json()?["structuredQuery"]?["from"]?[0]?["collectionId"]?.GetValue<string>() is not { } collection)
        {
            return RestResponse.InvalidArgument("Invalid JSON payload received. 'structuredQuery.from' is required.");
        }

        var filtered = request.Json()?["structuredQuery"]?["where"]?.ToJsonString() ?? string.Empty;
        if (_unindexedFields.Keys.FirstOrDefault(field => filtered.Contains($"\"fieldPath\":\"{field}\"", StringComparison.Ordinal)) is not null)
        {
            return FakeFirestoreAnswers.IndexMissing(project, collection);
        }

        var prefix = $"projects/{project}/databases/(default)/documents/{collection}/";
        var found = documents.Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal) && d.Key.IndexOf('/', prefix.Length) < 0)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new JsonObject { ["document"] = d.Value.DeepClone(), ["readTime"] = FakeFirestoreAnswers.ReadTime })
            .ToList();

        // firestore/docs/reference/rest/v1/projects.databases.documents/runQuery: with no match, one element carrying only readTime.
        return Stream("runQuery", found.Count == 0 ? [new JsonObject { ["readTime"] = FakeFirestoreAnswers.ReadTime }] : found);
    }

    private RestResponse Stream(string method, List<JsonObject> elements)
    {
        var array = new JsonArray();
        if (_streamFailures.TryRemove(method, out var failure))
        {
            foreach (var element in elements.Take(failure.ResultsBefore))
            {
                array.Add(element);
            }

            array.Add(FakeFirestoreAnswers.ErrorElement(failure.Code, failure.Status, failure.Message));
            return RestResponse.Json(array);
        }

        foreach (var element in elements)
        {
            array.Add(element);
        }

        return RestResponse.Json(array);
    }

    private sealed record StreamFailure(int ResultsBefore, int Code, string Status, string Message);
}
