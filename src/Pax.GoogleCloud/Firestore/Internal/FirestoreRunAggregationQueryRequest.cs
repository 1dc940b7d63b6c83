using Pax.GoogleCloud.Firestore.Queries;

namespace Pax.GoogleCloud.Firestore.Internal;

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

/// <summary>One aggregation: a <c>count</c> named <see cref="Alias"/>.</summary>
internal sealed class FirestoreAggregation
{
    public string Alias { get; set; } = string.Empty;

    public FirestoreCountAggregation Count { get; set; } = new();
}

/// <summary>A <c>count</c> aggregation, stopping at <see cref="UpTo"/> when set.</summary>
internal sealed class FirestoreCountAggregation
{
    public string? UpTo { get; set; }
}
