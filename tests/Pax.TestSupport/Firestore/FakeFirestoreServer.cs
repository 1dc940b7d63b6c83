using System.Text.Json.Nodes;
using Pax.TestSupport.Firestore.Internal;
using Pax.TestSupport.GoogleRest;
using Pax.TestSupport.GoogleRest.Internal;

namespace Pax.TestSupport.Firestore;

/// <summary>
/// A loopback Firestore REST v1 server (Kestrel on 127.0.0.1, a free port) for the failure modes the emulator cannot
/// show: a project without a <c>(default)</c> database (every call answers Google's 404 <c>NOT_FOUND</c> "The
/// database (default) does not exist for project …", in the array form for the streaming methods), and streaming
/// answers of <c>runQuery</c> / <c>batchGet</c> that carry an error element after some results. For databases it has,
/// it serves <c>GET</c> of documents put with <see cref="PutDocument"/> (404 "Document … not found." otherwise, as
/// the emulator answers), <c>batchGet</c> and <c>runQuery</c> over one collection (its filter is not evaluated: every
/// document of the collection matches), except that queries filtering on a field named with <see cref="RequireIndexFor"/>
/// fail as a query without its composite index does. Other methods get 400 <c>INVALID_ARGUMENT</c> naming what the fake
/// does not do.
/// </summary>
public sealed class FakeFirestoreServer : IAsyncDisposable
{
    /// <summary>The bearer token requests must carry unless another is given.</summary>
    public const string DefaultAccessToken = "fake-firestore-token";

    private readonly RestLoopbackHost _host;
    private readonly FakeFirestoreDatabases _databases;

    private FakeFirestoreServer(RestLoopbackHost host, FakeFirestoreDatabases databases)
    {
        _host = host;
        _databases = databases;
    }

    /// <summary>Gets the server's root, such as <c>http://127.0.0.1:41234/</c>: the Firestore endpoint to configure.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRestRequest> Requests => _host.Requests;

    /// <summary>Starts a server that has no database at all (add them with <see cref="AddDatabase"/>).</summary>
    /// <param name="accessToken">The bearer token every request must carry, or <see langword="null"/> to accept anonymous requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeFirestoreServer> StartAsync(string? accessToken = DefaultAccessToken, CancellationToken cancellationToken = default)
    {
        var databases = new FakeFirestoreDatabases();
        var host = await RestLoopbackHost.StartAsync(accessToken, databases.Handle, cancellationToken);
        return new FakeFirestoreServer(host, databases);
    }

    /// <summary>Creates the <c>(default)</c> database of <paramref name="projectId"/>; a project without one answers every call with the missing-database 404.</summary>
    /// <param name="projectId">The project id.</param>
    public void AddDatabase(string projectId) => _databases.Add(projectId);

    /// <summary>Stores a document (its database must exist).</summary>
    /// <param name="name">The full name: <c>projects/P/databases/(default)/documents/C/ID</c>.</param>
    /// <param name="fields">The <c>fields</c> map in Firestore's value encoding.</param>
    public void PutDocument(string name, JsonObject fields) => _databases.Put(name, fields);

    /// <summary>
    /// Makes the next <paramref name="method"/> call (<c>runQuery</c> or <c>batchGet</c>) answer HTTP 200 with its first
    /// <paramref name="resultsBefore"/> elements and then an error element <c>{"error":{code,message,status}}</c>, the
    /// way Google's REST front end ends a server stream that failed part-way (the status line was sent already).
    /// </summary>
    /// <param name="method"><c>runQuery</c> or <c>batchGet</c>.</param>
    /// <param name="resultsBefore">How many elements precede the error.</param>
    /// <param name="code">The error's HTTP-style code, such as 503.</param>
    /// <param name="status">The google.rpc status name, such as <c>UNAVAILABLE</c>.</param>
    /// <param name="message">The error message.</param>
    public void FailNextStream(string method, int resultsBefore, int code, string status, string message) =>
        _databases.FailNextStream(method, resultsBefore, code, status, message);

    /// <summary>
    /// Makes every <c>runQuery</c> with a field filter on <paramref name="fieldPath"/> fail as Firestore fails a query
    /// whose composite index does not exist (or is still building): 400 <c>FAILED_PRECONDITION</c> "The query requires
    /// an index. You can create it here: …", as a streamed method's one-element error array.
    /// </summary>
    /// <param name="fieldPath">The field whose queries need an index the database lacks.</param>
    public void RequireIndexFor(string fieldPath) => _databases.RequireIndexFor(fieldPath);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
