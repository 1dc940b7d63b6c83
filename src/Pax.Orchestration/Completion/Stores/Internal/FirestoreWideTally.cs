using Pax.GoogleCloud.Firestore;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The Firestore layout of a wide tally (<see cref="Completion.Internal.TallyLayout"/>): the tally document
/// <c>{phase}_completion/{runKey}</c> keeps the claim and state fields of <see cref="FirestoreTallyDocument"/> and
/// <c>_layout: "wide"</c>, no reports; each report is its own document <c>…/{runKey}/reports/{processor}</c>
/// (<c>processor</c>, <c>status</c>, <c>recordedAt</c>, <c>messageId</c>, <c>details</c>, <c>traceParent</c>, and
/// <c>shard</c>: which counter it was counted in), and counter documents <c>…/{runKey}/shards/{n}</c> hold
/// <c>succeeded</c>, <c>failed</c> and <c>lastRecordedAt</c> (Unix milliseconds) — a distributed counter
/// (cloud.google.com/firestore/docs/solutions/counters: "Each counter is a document with a subcollection of shards, and
/// the value of the counter is the sum of the value of the shards").
/// </summary>
internal static class FirestoreWideTally
{
    public const string Layout = "_layout";
    public const string Wide = "wide";
    public const string Reports = "reports";
    public const string Shards = "shards";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string LastRecordedAt = "lastRecordedAt";

    private const string Processor = "processor";
    private const string Shard = "shard";

    public static bool IsWide(FirestoreDocument? document) => document?.Fields?.GetValueOrDefault(Layout)?.StringValue == Wide;

    /// <summary>A report's document id: its processor's name with '%' and '/' escaped (an id holds no '/'), and '.'/'..' spelled out.</summary>
    public static string ReportId(string processor) =>
        processor is "." or ".." ? processor.Replace(".", "%2E", StringComparison.Ordinal)
            : processor.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);

    /// <summary>The write that records a report: its fields replace the document's (a superseded failure included).</summary>
    public static FirestoreWrite ReportWrite(string name, ProcessorCompletion completion, int shard, FirestorePrecondition precondition)
    {
        var fields = FirestoreTallyDocument.Completion(completion).MapValue!.Fields!;
        fields[Processor] = FirestoreValue.String(completion.Processor);
        fields[Shard] = FirestoreValue.Integer(shard);
        return new FirestoreWrite { Update = new FirestoreDocument { Name = name, Fields = fields }, CurrentDocument = precondition };
    }

    /// <summary>
    /// The write that counts a report in its shard: increments (commutative, so concurrent reports need no precondition
    /// and never conflict on the value), both counters always present — a sum leaves out a document that lacks a summed field.
    /// </summary>
    public static FirestoreWrite ShardWrite(string name, long succeeded, long failed, DateTimeOffset recordedAt) => new()
    {
        Update = new FirestoreDocument { Name = name, Fields = [] },
        UpdateMask = new FirestoreDocumentMask { FieldPaths = [] },
        UpdateTransforms =
        [
            FirestoreFieldTransform.IncrementBy(Succeeded, succeeded),
            FirestoreFieldTransform.IncrementBy(Failed, failed),
            FirestoreFieldTransform.AtLeast(LastRecordedAt, recordedAt.ToUnixTimeMilliseconds()),
        ],
    };

    public static int ShardOf(FirestoreDocument report) => (int)(report.Fields?.GetValueOrDefault(Shard)?.AsInteger() ?? 0);

    public static ProcessorCompletion ReadReport(FirestoreDocument document)
    {
        var fields = document.Fields!;
        var processor = fields.GetValueOrDefault(Processor)?.StringValue ?? string.Empty;
        return FirestoreTallyDocument.ReadCompletion(processor, fields);
    }

    /// <summary>The counts of a wide tally from all its shard documents.</summary>
    public static TallyCounts ReadCounts(IEnumerable<FirestoreDocument> shards)
    {
        long succeeded = 0, failed = 0, last = 0;
        foreach (var fields in shards.Select(s => s.Fields).OfType<Dictionary<string, FirestoreValue>>())
        {
            succeeded += fields.GetValueOrDefault(Succeeded)?.AsInteger() ?? 0;
            failed += fields.GetValueOrDefault(Failed)?.AsInteger() ?? 0;
            last = Math.Max(last, fields.GetValueOrDefault(LastRecordedAt)?.AsInteger() ?? 0);
        }

        return new TallyCounts((int)succeeded, (int)failed, last == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(last));
    }
}
