namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>A query filter: a field filter or a composite of filters (set one).</summary>
internal sealed class FirestoreFilter
{
    /// <summary>Gets or sets the field filter.</summary>
    public FirestoreFieldFilter? FieldFilter { get; set; }

    /// <summary>Gets or sets the composite filter.</summary>
    public FirestoreCompositeFilter? CompositeFilter { get; set; }

    /// <summary>Compares <paramref name="fieldPath"/> with <paramref name="value"/>.</summary>
    /// <param name="fieldPath">The field path.</param>
    /// <param name="op">The operator, such as <c>EQUAL</c>, <c>LESS_THAN_OR_EQUAL</c> or <c>IN</c>.</param>
    /// <param name="value">The value compared with.</param>
    /// <returns>The filter.</returns>
    public static FirestoreFilter Field(string fieldPath, string op, FirestoreValue value) => new()
    {
        FieldFilter = new FirestoreFieldFilter { Field = new FirestoreFieldReference { FieldPath = fieldPath }, Op = op, Value = value },
    };

    /// <summary>Requires every one of <paramref name="filters"/>.</summary>
    /// <param name="filters">The filters.</param>
    /// <returns>The filter.</returns>
    public static FirestoreFilter And(params FirestoreFilter[] filters) => new()
    {
        CompositeFilter = new FirestoreCompositeFilter { Op = "AND", Filters = [.. filters] },
    };
}
