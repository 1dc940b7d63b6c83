using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Tests.Support;

namespace Pax.GoogleCloud.Tests.Firestore;

public sealed class FirestoreClientTests
{
    private const string Project = "p";
    private static readonly string Name = FirestoreClient.DocumentName(Project, "phase2_completion", "2026-02-10");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FIRESTORE_EMULATOR_HOST_sends_the_emulator_owner_token_and_fetches_no_access_token()
    {
        var handler = new StubHttpHandler().Answer(HttpStatusCode.NotFound, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");
        await using var services = StubbedClients.Create(handler, v => v == "FIRESTORE_EMULATOR_HOST" ? "127.0.0.1:8181" : null, tokens: new ThrowingTokens());
        var client = services.GetRequiredService<FirestoreClient>();

        var document = await client.GetDocumentAsync(Name, Ct);

        Assert.Null(document);
        Assert.True(client.UsesEmulator);
        var (request, _, authorization) = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:8181/v1/projects/p/databases/(default)/documents/phase2_completion/2026-02-10", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer owner", authorization);
    }

    [Fact]
    public async Task A_409_is_ABORTED_or_ALREADY_EXISTS_by_its_status_string_and_a_commit_is_sent_once()
    {
        var handler = new StubHttpHandler()
            .Answer(HttpStatusCode.Conflict, "{\"error\":{\"code\":409,\"message\":\"Too much contention\",\"status\":\"ABORTED\"}}")
            .Answer(HttpStatusCode.Conflict, "{\"error\":{\"code\":409,\"message\":\"Document already exists\",\"status\":\"ALREADY_EXISTS\"}}");
        await using var services = StubbedClients.Create(handler);
        var client = services.GetRequiredService<FirestoreClient>();
        FirestoreWrite[] writes = [new() { Update = new FirestoreDocument { Name = Name, Fields = [] }, CurrentDocument = FirestorePrecondition.MustNotExist() }];

        var aborted = await Assert.ThrowsAsync<GoogleApiException>(() => client.CommitAsync(Project, writes, cancellationToken: Ct));
        var exists = await Assert.ThrowsAsync<GoogleApiException>(() => client.CommitAsync(Project, writes, cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.Conflict, FirestoreErrorStatus.Aborted), (aborted.HttpStatus, aborted.Status));
        Assert.Equal((HttpStatusCode.Conflict, FirestoreErrorStatus.AlreadyExists), (exists.HttpStatus, exists.Status));
        Assert.True(FirestoreErrorStatus.IsConflict(aborted));
        Assert.Equal(2, handler.Requests.Count);
        var body = JsonNode.Parse(handler.Requests.First().Body)!;
        Assert.False(body["writes"]![0]!["currentDocument"]!["exists"]!.GetValue<bool>());
        Assert.Equal("Bearer access-token", handler.Requests.First().Authorization);
    }

    [Fact]
    public async Task Reads_are_retried_on_503_but_commits_are_not()
    {
        var handler = new StubHttpHandler()
            .Answer(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}")
            .Answer(HttpStatusCode.OK, "{\"name\":\"" + Name + "\",\"fields\":{\"n\":{\"integerValue\":\"42\"}},\"updateTime\":\"2026-02-10T06:00:00.123456789Z\"}")
            .Answer(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}");
        await using var services = StubbedClients.Create(handler);
        var client = services.GetRequiredService<FirestoreClient>();

        var document = await client.GetDocumentAsync(Name, Ct);
        var failed = await Assert.ThrowsAsync<GoogleApiException>(() => client.CommitAsync(Project, [new FirestoreWrite { Delete = Name }], cancellationToken: Ct));

        Assert.Equal(42, document!.Fields!["n"].AsInteger());
        Assert.Equal("2026-02-10T06:00:00.123456789Z", document.UpdateTime);
        Assert.True(failed.IsRetryable);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("__reserved__")]
    [InlineData("")]
    public void Document_names_refuse_ids_Firestore_refuses(string id)
    {
        Assert.Throws<ArgumentException>(() => FirestoreClient.DocumentName(Project, "c", id));
    }

    [Fact]
    public void Values_round_trip_timestamps_with_nanoseconds_and_quote_field_paths()
    {
        var value = new FirestoreValue { TimestampValue = "2026-02-10T06:00:00.123456789Z" };

        Assert.Equal(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero).AddTicks(1234567), value.AsTimestamp());
        Assert.Equal("2026-02-10T06:00:00.123456Z", FirestoreValue.Timestamp(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero).AddTicks(1234567)).TimestampValue);
        Assert.Equal("_triggered", FirestoreFieldPath.Quote("_triggered"));
        Assert.Equal("`collector/3`", FirestoreFieldPath.Quote("collector/3"));
        Assert.Equal("`a\\`b`", FirestoreFieldPath.Quote("a`b"));
    }

    private sealed class ThrowingTokens : IGoogleAccessTokenProvider
    {
        public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("no token for emulators");
    }
}
