using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.Firestore;

/// <summary>The Firestore client against the real emulator (<c>gcloud emulators firestore start</c>).</summary>
public sealed class FirestoreClientEmulatorTests(FirestoreEmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_create_of_an_existing_document_fails_with_ALREADY_EXISTS()
    {
        var (client, project, services) = await CreateAsync();
        await using var _ = services;
        var name = FirestoreClient.DocumentName(project, "phase2_completion", "2026-02-10");
        FirestoreWrite[] create = [Write(name, new() { ["collector/0"] = FirestoreValue.String("succeeded") }, FirestorePrecondition.MustNotExist())];

        await client.CommitAsync(project, create, cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<GoogleApiException>(() => client.CommitAsync(project, create, cancellationToken: Ct));
        var stored = await client.GetDocumentAsync(name, Ct);

        Assert.Equal(FirestoreErrorStatus.AlreadyExists, error.Status);
        Assert.Equal(409, (int)error.HttpStatus);
        Assert.Equal("succeeded", stored!.Fields!["collector/0"].StringValue);
    }

    [Fact]
    public async Task A_write_guarded_by_a_stale_updateTime_fails_with_FAILED_PRECONDITION()
    {
        var (client, project, services) = await CreateAsync();
        await using var _ = services;
        var name = FirestoreClient.DocumentName(project, "c", "d");
        await client.CommitAsync(project, [Write(name, new() { ["n"] = FirestoreValue.Integer(1) }, null)], cancellationToken: Ct);
        var read = await client.GetDocumentAsync(name, Ct);
        await client.CommitAsync(project, [Write(name, new() { ["n"] = FirestoreValue.Integer(2) }, FirestorePrecondition.UnchangedSince(read!.UpdateTime!))], cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() =>
            client.CommitAsync(project, [Write(name, new() { ["n"] = FirestoreValue.Integer(3) }, FirestorePrecondition.UnchangedSince(read.UpdateTime!))], cancellationToken: Ct));

        Assert.Equal(FirestoreErrorStatus.FailedPrecondition, error.Status);
        Assert.True(FirestoreErrorStatus.IsConflict(error));
        Assert.Equal(2, (await client.GetDocumentAsync(name, Ct))!.Fields!["n"].AsInteger());
    }

    [Fact]
    public async Task A_transaction_reads_with_batchGet_commits_and_an_increment_returns_the_new_value()
    {
        var (client, project, services) = await CreateAsync();
        await using var _ = services;
        var name = FirestoreClient.DocumentName(project, "runs", "r1");
        var missing = FirestoreClient.DocumentName(project, "runs", "nope");
        await client.CommitAsync(project, [Write(name, new() { ["count"] = FirestoreValue.Integer(4) }, null)], cancellationToken: Ct);

        var transaction = await client.BeginTransactionAsync(project, cancellationToken: Ct);
        var read = await client.BatchGetDocumentsAsync(project, [name, missing], transaction, Ct);
        var write = new FirestoreWrite
        {
            Update = new FirestoreDocument { Name = name, Fields = [] },
            UpdateMask = new FirestoreDocumentMask(),
            UpdateTransforms = [FirestoreFieldTransform.IncrementBy("count", 1)],
            CurrentDocument = new FirestorePrecondition { Exists = true },
        };
        var result = await client.CommitAsync(project, [write], transaction, Ct);

        Assert.Equal(4, read.Single(r => r.Found is not null).Found!.Fields!["count"].AsInteger());
        Assert.Equal(missing, read.Single(r => r.Found is null).Missing);
        Assert.Equal(5, result.WriteResults![0].TransformResults![0].AsInteger());
    }

    [Fact]
    public async Task A_rolled_back_transaction_cannot_commit()
    {
        var (client, project, services) = await CreateAsync();
        await using var _ = services;
        var name = FirestoreClient.DocumentName(project, "runs", "r2");
        var transaction = await client.BeginTransactionAsync(project, cancellationToken: Ct);
        await client.BatchGetDocumentsAsync(project, [name], transaction, Ct);

        await client.RollbackAsync(project, transaction, Ct);
        var error = await Assert.ThrowsAsync<GoogleApiException>(() =>
            client.CommitAsync(project, [Write(name, new() { ["x"] = FirestoreValue.Boolean(true) }, null)], transaction, Ct));

        Assert.NotNull(error.Status);
        Assert.Null(await client.GetDocumentAsync(name, Ct));
    }

    [Fact]
    public async Task RunQuery_returns_the_documents_whose_field_matches()
    {
        var (client, project, services) = await CreateAsync();
        await using var _ = services;
        foreach (var (id, triggered) in new[] { ("a", false), ("b", true), ("c", false) })
        {
            await client.CommitAsync(project, [Write(FirestoreClient.DocumentName(project, "tallies", id), new() { ["_triggered"] = FirestoreValue.Boolean(triggered) }, null)], cancellationToken: Ct);
        }

        var open = await client.RunQueryAsync(project, FirestoreStructuredQuery.WhereEqual("tallies", "_triggered", FirestoreValue.Boolean(false), 10), Ct);
        var none = await client.RunQueryAsync(project, FirestoreStructuredQuery.WhereEqual("empty", "x", FirestoreValue.Boolean(true)), Ct);

        Assert.Equal(["a", "c"], open.Select(d => d.Name![(d.Name!.LastIndexOf('/') + 1)..]).Order());
        Assert.Empty(none);
    }

    [Fact]
    public async Task The_database_check_passes_on_the_emulator_and_reads_nothing_it_writes()
    {
        var (client, project, services) = await CreateAsync();
        await using var _ = services;

        await client.EnsureDatabaseExistsAsync(project, Ct);

        Assert.Null(await client.GetDocumentAsync(FirestoreClient.DocumentName(project, FirestoreClient.HealthCollection, "probe"), Ct));
    }

    private async Task<(FirestoreClient Client, string Project, ServiceProvider Services)> CreateAsync()
    {
        var emulator = await fixture.FirestoreAsync();
        var services = new ServiceCollection().AddPaxGoogleCloud(o =>
        {
            o.FirestoreEmulatorHost = emulator.HostPort;
            GoogleApiProbeContext.UseInstantRetries(o);
        }).BuildServiceProvider();
        return (services.GetRequiredService<FirestoreClient>(), "p" + Guid.NewGuid().ToString("N")[..12], services);
    }

    private static FirestoreWrite Write(string name, Dictionary<string, FirestoreValue> fields, FirestorePrecondition? precondition) => new()
    {
        Update = new FirestoreDocument { Name = name, Fields = fields },
        CurrentDocument = precondition,
    };
}
