using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Tests.Support;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;

namespace Pax.Orchestration.Tests.Completion.Stores;

/// <summary>The Firestore document a tally leaves behind, as operators see it in the console.</summary>
public sealed class FirestoreCompletionStoreLayoutTests(EmulatorsFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tally_is_one_document_per_phase_and_run_key_with_a_field_per_processor_and_triggered_flag()
    {
        await using var h = TallyHarness.Firestore(await emulators.FirestoreAsync(), TallyHarness.Named("phase2", "collector/0", "b"));
        await h.RecordAsync("phase2", "collector/0", "2026-02-10", messageId: "m0");
        await h.RecordAsync("phase2", "b", "2026-02-10", messageId: "m1");
        var project = h.Services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Firestore.ProjectId!;

        var document = await h.Services.GetRequiredService<FirestoreClient>()
            .GetDocumentAsync(FirestoreClient.DocumentName(project, "phase2_completion", "2026-02-10"), Ct);

        var fields = document!.Fields!;
        Assert.Equal("succeeded", fields["collector/0"].MapValue!.Fields!["status"].StringValue);
        Assert.Equal("m1", fields["b"].MapValue!.Fields!["messageId"].StringValue);
        Assert.True(fields["_triggered"].BooleanValue);
        Assert.Equal("triggered", fields["_state"].StringValue);
        Assert.Equal(h.Time.GetUtcNow(), fields["_createdAt"].AsTimestamp());
        Assert.NotNull(fields["_triggeredAt"].AsTimestamp());
        Assert.Equal("2026-02-10", fields["_runKey"].StringValue);
    }

    [Fact]
    public async Task A_wide_tally_keeps_each_report_in_its_own_document_and_counts_them_in_shards()
    {
        await using var h = TallyHarness.Firestore(await emulators.FirestoreAsync(), TallyHarness.Counted("wide", 150));
        var processors = Enumerable.Range(0, 150).Select(i => $"collector/{i}").ToList();
        foreach (var processor in processors)
        {
            await h.RecordAsync("wide", processor, "2026-02-10", messageId: "m-" + processor);
        }

        var project = h.Services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.Firestore.ProjectId!;
        var client = h.Services.GetRequiredService<FirestoreClient>();
        var head = FirestoreClient.DocumentName(project, "wide_completion", "2026-02-10");

        var tally = (await client.GetDocumentAsync(head, Ct))!.Fields!;
        var report = (await client.GetDocumentAsync(FirestoreClient.ChildDocumentName(head, "reports", "collector%2F7"), Ct))!.Fields!;
        var shards = await client.RunQueryAsync(project, head, new() { From = [new() { CollectionId = "shards" }] }, Ct);

        Assert.Equal("wide", tally["_layout"].StringValue);
        Assert.Equal("triggered", tally["_state"].StringValue);
        Assert.DoesNotContain(tally.Keys, k => !k.StartsWith('_'));
        Assert.Equal(("collector/7", "succeeded", "m-collector/7"), (report["processor"].StringValue, report["status"].StringValue, report["messageId"].StringValue));
        Assert.Equal(2, shards.Count);
        Assert.Equal(150, shards.Sum(s => s.Fields!["succeeded"].AsInteger()));
        Assert.All(shards, s => Assert.Equal(0, s.Fields!["failed"].AsInteger()));
    }

    [Fact]
    public async Task Another_instance_recognises_a_wide_duplicate_and_replaces_a_failure_without_knowing_what_this_one_wrote()
    {
        await using var h = TallyHarness.Firestore(await emulators.FirestoreAsync(), TallyHarness.Counted("wide", 150));
        var first = h.Store;
        var second = new FirestoreCompletionStore(h.Services.GetRequiredService<FirestoreClient>(), h.Services.GetRequiredService<IOptions<OrchestrationOptions>>());
        var at = h.Time.GetUtcNow();

        var written = await first.RecordAsync("wide", "k1", new ProcessorCompletion("a", CompletionStatus.Succeeded, at, "m1", null), null, Ct);
        var again = await second.RecordAsync("wide", "k1", new ProcessorCompletion("a", CompletionStatus.Succeeded, at, "m1", null), null, Ct);
        await second.RecordAsync("wide", "k1", new ProcessorCompletion("b", CompletionStatus.Failed, at, "m2", null), null, Ct);
        var replaced = await first.RecordAsync("wide", "k1", new ProcessorCompletion("b", CompletionStatus.Succeeded, at, "m3", null), null, Ct);
        var late = await second.RecordAsync("wide", "k1", new ProcessorCompletion("b", CompletionStatus.Failed, at, "m4", null), null, Ct);

        Assert.Equal((true, false, true, false), (written.Changed, again.Changed, replaced.Changed, late.Changed));
        Assert.Equal("m1", again.Tally.Completions["a"].MessageId);
        Assert.Equal((2, 0), (late.Tally.Counts!.Succeeded, late.Tally.Counts.Failed));
    }
}
