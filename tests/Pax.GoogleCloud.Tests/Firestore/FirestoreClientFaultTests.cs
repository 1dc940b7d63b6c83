using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Tests.Support;
using Pax.TestSupport.Firestore;

namespace Pax.GoogleCloud.Tests.Firestore;

/// <summary>The Firestore client against <see cref="FakeFirestoreServer"/>: a missing database and streams that fail part-way.</summary>
public sealed class FirestoreClientFaultTests : IAsyncLifetime
{
    private const string Project = "p";
    private const string NoDatabase = "nodb";
    private FakeFirestoreServer _server = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FirestoreClient Client => _services.GetRequiredService<FirestoreClient>();

    public async ValueTask InitializeAsync()
    {
        _server = await FakeFirestoreServer.StartAsync(cancellationToken: Ct);
        _server.AddDatabase(Project);
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(FakeFirestoreServer.DefaultAccessToken));
        services.AddPaxGoogleCloud(o =>
        {
            o.FirestoreEndpoint = _server.BaseAddress;
            GoogleApiProbeContext.UseInstantRetries(o);
        });
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_missing_database_fails_every_call_with_a_configuration_error_naming_it_and_is_not_retried()
    {
        var name = FirestoreClient.DocumentName(NoDatabase, "phase2_completion", "2026-02-10");
        var query = FirestoreStructuredQuery.WhereEqual("phase2_completion", "_triggered", FirestoreValue.Boolean(false), 10);
        FirestoreWrite[] writes = [new() { Update = new FirestoreDocument { Name = name, Fields = [] }, CurrentDocument = FirestorePrecondition.MustNotExist() }];

        var failures = new[]
        {
            await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => Client.GetDocumentAsync(name, Ct)),
            await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => Client.CommitAsync(NoDatabase, writes, cancellationToken: Ct)),
            await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => Client.RunQueryAsync(NoDatabase, query, Ct)),
            await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => Client.BatchGetDocumentsAsync(NoDatabase, [name], cancellationToken: Ct)),
            await Assert.ThrowsAsync<FirestoreDatabaseNotFoundException>(() => Client.EnsureDatabaseExistsAsync(NoDatabase, Ct)),
        };

        Assert.All(failures, f =>
        {
            Assert.Equal((NoDatabase, "(default)"), (f.ProjectId, f.DatabaseId));
            Assert.Contains("database '(default)'", f.Message, StringComparison.Ordinal);
            Assert.Contains("'nodb'", f.Message, StringComparison.Ordinal);
            Assert.Equal(FirestoreErrorStatus.NotFound, Assert.IsType<GoogleApiException>(f.InnerException).Status);
        });
        Assert.Equal(failures.Length, _server.Requests.Count);
    }

    [Fact]
    public async Task A_missing_document_in_an_existing_database_is_null()
    {
        Assert.Null(await Client.GetDocumentAsync(FirestoreClient.DocumentName(Project, "c", "missing"), Ct));
        await Client.EnsureDatabaseExistsAsync(Project, Ct);
    }

    [Fact]
    public async Task RunQuery_fails_when_the_stream_ends_with_an_error_after_some_documents()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            _server.PutDocument(FirestoreClient.DocumentName(Project, "tallies", id), new JsonObject { ["_triggered"] = new JsonObject { ["booleanValue"] = false } });
        }

        var query = FirestoreStructuredQuery.WhereEqual("tallies", "_triggered", FirestoreValue.Boolean(false), 10);
        Assert.Equal(3, (await Client.RunQueryAsync(Project, query, Ct)).Count);
        _server.FailNextStream("runQuery", 2, 503, "UNAVAILABLE", "The datastore operation timed out, or the data was temporarily unavailable.");

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => Client.RunQueryAsync(Project, query, Ct));

        Assert.Equal("UNAVAILABLE", error.Status);
        Assert.Equal(503, (int)error.HttpStatus);
        Assert.True(error.IsRetryable);
        Assert.Contains("after 2 result(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("temporarily unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchGet_fails_when_the_stream_ends_with_an_error_after_some_results()
    {
        var names = new[] { "a", "b", "c" }.Select(id => FirestoreClient.DocumentName(Project, "runs", id)).ToList();
        _server.PutDocument(names[0], []);
        _server.FailNextStream("batchGet", 1, 500, "INTERNAL", "Internal error encountered.");

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => Client.BatchGetDocumentsAsync(Project, names, cancellationToken: Ct));

        Assert.Equal("INTERNAL", error.Status);
        Assert.Equal(3, (await Client.BatchGetDocumentsAsync(Project, names, cancellationToken: Ct)).Count);
    }
}
