using Pax.GoogleCloud.Firestore.Queries;
using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Firestore.Internal;

// The JSON bodies of Firestore's reads (cloud.google.com/firestore/docs/reference/rest/v1/projects.databases.documents):
// batchGet, runQuery and runAggregationQuery, each a request and the elements of the array it answers with (a result,
// only a read time, or the error that ended the stream).

/// <summary>Body of <c>documents:batchGet</c>.</summary>
internal sealed class FirestoreBatchGetRequest
{
    public List<string> Documents { get; set; } = [];

    public string? Transaction { get; set; }
}

/// <summary>One element of the <c>batchGet</c> answer (an array): found, missing, or the error that ended the stream.</summary>
internal sealed class FirestoreBatchGetElement
{
    public FirestoreDocument? Found { get; set; }

    public string? Missing { get; set; }

    public string? ReadTime { get; set; }

    public GoogleErrorBody? Error { get; set; }
}

/// <summary>Body of <c>documents:runQuery</c>.</summary>
internal sealed class FirestoreRunQueryRequest
{
    public FirestoreStructuredQuery StructuredQuery { get; set; } = new();
}

/// <summary>One element of the <c>runQuery</c> answer (an array): a document, only the read time, or the error that ended the stream.</summary>
internal sealed class FirestoreRunQueryElement
{
    public FirestoreDocument? Document { get; set; }

    public string? ReadTime { get; set; }

    public GoogleErrorBody? Error { get; set; }
}

/// <summary>
/// Body of <c>documents:runAggregationQuery</c> with one <c>count</c> aggregation
/// (cloud.google.com/firestore/docs/reference/rest/v1/projects.databases.documents/runAggregationQuery,
/// <c>StructuredAggregationQuery</c>: <c>structuredQuery</c> and <c>aggregations[]</c> of <c>{ alias, count: { upTo } }</c>;
/// <c>upTo</c> is an Int64Value, a decimal string in JSON).
/// </summary>
internal sealed class FirestoreRunAggregationQueryRequest
{
    public FirestoreStructuredAggregationQuery StructuredAggregationQuery { get; set; } = new();
}

/// <summary>The <c>StructuredAggregationQuery</c> of <see cref="FirestoreRunAggregationQueryRequest"/>.</summary>
internal sealed class FirestoreStructuredAggregationQuery
{
    public FirestoreStructuredQuery StructuredQuery { get; set; } = new();

    public List<FirestoreAggregation> Aggregations { get; set; } = [];
}

/// <summary>One aggregation named <see cref="Alias"/>: a <c>count</c> or a <c>sum</c> (set one).</summary>
internal sealed class FirestoreAggregation
{
    public string Alias { get; set; } = string.Empty;

    public FirestoreCountAggregation? Count { get; set; }

    public FirestoreSumAggregation? Sum { get; set; }
}

/// <summary>A <c>sum</c> aggregation of one numeric field (<c>Aggregation.Sum</c>: <c>{ field: FieldReference }</c>).</summary>
internal sealed class FirestoreSumAggregation
{
    public FirestoreFieldReference Field { get; set; } = new();
}

/// <summary>A <c>count</c> aggregation, stopping at <see cref="UpTo"/> when set.</summary>
internal sealed class FirestoreCountAggregation
{
    public string? UpTo { get; set; }
}

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
