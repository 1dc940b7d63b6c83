using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Firestore.Internal;

/// <summary>
/// One element of the <c>runAggregationQuery</c> answer (a JSON array, like <c>runQuery</c>'s): a <c>result</c> with
/// <c>aggregateFields</c> by alias, the read time, or the error that ended the stream.
/// </summary>
internal sealed class FirestoreRunAggregationQueryElement
{
    public FirestoreAggregationResult? Result { get; set; }

    public string? ReadTime { get; set; }

    public GoogleErrorBody? Error { get; set; }
}

/// <summary>An <c>AggregationResult</c>: each aggregation's value by its alias.</summary>
internal sealed class FirestoreAggregationResult
{
    public Dictionary<string, FirestoreValue>? AggregateFields { get; set; }
}
